"""The core every other part stands on: errors, the vocabulary of roles and labels, unit names and their
aliases, Chinese numerals and places. It imports nothing else of the project."""
