"""The audit trail page and one record's history."""
