"""The organisation panel and its dialogs: township, villages/communities, sites, member units."""
