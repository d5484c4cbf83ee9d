"""The built-in checklist, installed as data: the rule YAML files live beside this file."""
