"""`python -m xpander_tasks_server`, the same as the `xpander-tasks-server` command."""

from xpander_tasks_server._launch import main

main()
