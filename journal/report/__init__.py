"""The doctor-visit report: a one-minute summary page and the charts, as a PDF. No Qt."""
