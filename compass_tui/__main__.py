from compass_tui.cli import main

raise SystemExit(main())
