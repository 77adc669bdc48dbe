"""Money Claims rules: pure Python, no Django import.

Each module implements one part of Practice Direction 51R (or the money rules the court
service applies) as functions of their inputs. They are the most valuable code in the
product; each is tested with tables of cases taken from the PD's own examples.
"""
