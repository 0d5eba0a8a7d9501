"""Chart reports: File ▸ Report preview… (print, save as PDF) and saving the reports of selected cases."""
