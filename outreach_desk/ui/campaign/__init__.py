"""Campaigns (专项行动), their target rules and the activity kind catalogue."""
