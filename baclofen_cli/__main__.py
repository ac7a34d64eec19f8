from baclofen_cli.main import main

main()
