"""The county office's side of the monthly submission: townships' packages imported, and who sent what when."""
