"""The entry form beside the ledger, built for typing a pile of paper slips quickly."""
