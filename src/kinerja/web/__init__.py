"""The web application in Bahasa Indonesia: pages for the people who plan, enter, monitor,
import and report, and a JSON API with the same permission rules."""
