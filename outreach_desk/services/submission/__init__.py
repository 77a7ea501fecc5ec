"""The month's submission upward: closing a sent month (closing, closed_months), and the package and
county roll-up modules beside them."""
