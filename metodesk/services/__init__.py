"""One module per area. Each function takes a Session opened by the caller (one
user action, one transaction), checks the rules, and returns plain rows or raises
a DomainError whose message is ready to show."""
