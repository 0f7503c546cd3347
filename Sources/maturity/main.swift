import MaturityCLI

MaturityCommand.runMain()
