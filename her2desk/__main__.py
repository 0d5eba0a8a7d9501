from her2desk.cli import main

raise SystemExit(main())
