from baclofen_cli.cli import main

main()
