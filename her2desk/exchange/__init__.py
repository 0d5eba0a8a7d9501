"""CSV import/export of cases (and later FHIR/HL7)."""
