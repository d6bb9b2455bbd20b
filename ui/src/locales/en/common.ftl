# Words shared by the wizard, the PDF and the CLI.
side-marketing = Marketing
side-sales = Sales
common-metric-count = { $count ->
    [one] { $count } metric
   *[other] { $count } metrics
}
