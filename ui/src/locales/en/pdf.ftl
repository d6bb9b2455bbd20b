# Labels of the exported agreement.
