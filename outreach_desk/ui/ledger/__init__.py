"""The activity ledger page: filter bar, lazily fetched table, totals and undoable record changes."""
