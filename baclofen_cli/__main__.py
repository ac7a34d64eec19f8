from baclofen_cli.cli.entry import main

main()
