"""xpander-tasks: the ergonomic client for the xpander.ai task API."""
