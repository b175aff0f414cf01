"""Reading and writing files (issue 41 §3): ``sheets`` reads the uploads both imports take."""
