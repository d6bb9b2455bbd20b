# Слова, общие для мастера, PDF и командной строки.
side-marketing = Маркетинг
side-sales = Продажи
common-metric-count = { $count ->
    [one] { $count } метрика
    [few] { $count } метрики
   *[many] { $count } метрик
}
