#!/nonexistent/interpreter
# A stand-in CLI whose interpreter does not exist: the operating system cannot start it.
