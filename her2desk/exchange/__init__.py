"""Moving cases in and out of her2desk: CSV today (FHIR and HL7 v2 later). No database access here."""
