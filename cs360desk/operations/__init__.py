"""The use cases both faces perform, one function each: the command line and the app call these."""
