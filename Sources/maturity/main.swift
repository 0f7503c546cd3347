import MaturityCLI

MaturityCommand.main()
