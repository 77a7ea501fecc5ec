"""The month's submission in the window: 报送本月… (send and close a month), 报送记录 (the history) and
reopening a closed month with a reason, also offered where a write was refused because of one."""
