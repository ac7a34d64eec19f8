"""`baclofen ask`: free-text questions, one module per step (see answer.py for the steps)."""
