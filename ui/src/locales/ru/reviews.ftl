# The monthly reviews view: periods, the compliance grid, charts, what fired, report and calendar.

reviews-eyebrow = Ежемесячный разбор
reviews-back = ← Все соглашения
reviews-open-agreement = Открыть соглашение
reviews-actions-label = Разбор этого соглашения
reviews-import = Загрузить выгрузку за месяц
reviews-enter-figure = Ввести показатель вручную
reviews-loading = Читаем разборы…
reviews-load-failed = Не удалось прочитать разборы: { $reason }
reviews-retry = Попробовать снова

reviews-empty-title = Ни один месяц ещё не разобран
reviews-empty-what = Принесите выгрузку лидов за месяц из CRM: файл CSV или XLSX из amoCRM, Битрикс24, HubSpot или Salesforce с датой создания, этапом и ответственным по каждому лиду.
reviews-empty-then = Вместе с вами приложение сопоставит столбцы, посчитает все целевые показатели соглашения за месяц и покажет, что выполнено, что нет и что теперь должно произойти по соглашению.

reviews-periods-label = Разобранные месяцы
reviews-summary-title = { $period }: итоги месяца
reviews-summary-met = { $count ->
    [one] { $count } цель выполнена
    [few] { $count } цели выполнены
   *[many] { $count } целей выполнено
}
reviews-summary-missed = { $count ->
    [one] { $count } цель не выполнена
    [few] { $count } цели не выполнены
   *[many] { $count } целей не выполнено
}
reviews-summary-no-data = { $count ->
    [one] { $count } показатель без данных
    [few] { $count } показателя без данных
   *[many] { $count } показателей без данных
}
reviews-summary-bar = Выполнено { $met } из { $total }, не выполнено { $missed }, без данных { $noData }
reviews-review-date = Встреча по итогам: { $date }
reviews-source-export = Данные из файла { $file }: { $rows ->
    [one] { $rows } строка
    [few] { $rows } строки
   *[many] { $rows } строк
}, загружен { $when }.
reviews-source-manual = Показатели введены вручную.

reviews-status-met = выполнено
reviews-status-missed = не выполнено
reviews-status-no_data = нет данных

reviews-grid-title = Цели по месяцам
reviews-grid-caption = Каждый показатель против цели: ✓ выполнено, ✗ не выполнено, – нет данных. Месяц выбирается по заголовку столбца.
reviews-grid-metric = Показатель
reviews-clause = п. { $clause }
reviews-cell-target = цель { $target }
reviews-cell-enter = ввести
reviews-cell-enter-label = Ввести вручную: «{ $metric }», { $period }
reviews-period-choose = Выбрать месяц: { $period }

reviews-charts-title = Динамика
reviews-series-actual = Факт
reviews-series-median = Медиана
reviews-series-p90 = 90-й процентиль
reviews-series-target = Цель
reviews-series-band = Допуск до первой корректировки
reviews-chart-label = { $metric }: { $periods ->
    [one] { $periods } месяц
    [few] { $periods } месяца
   *[many] { $periods } месяцев
}, выполнено в { $met }. { $period }: { $actual } при цели { $target }, { $status }.
reviews-chart-data = { $metric }: значения по месяцам
reviews-chart-period = Месяц
reviews-chart-status = Статус
reviews-chart-empty = По этому показателю данных пока нет.

reviews-fired-title = Что теперь должно произойти по соглашению
reviews-fired-none = { $period }: ничего не сработало — ни эскалаций, ни мер, ни корректировок.
reviews-fired-escalation = Эскалация: { $who }
reviews-fired-remedy = Мера
reviews-fired-adjustment-bonus = Корректировка премии
reviews-fired-adjustment-budget = Корректировка бюджета
reviews-fired-due = Срок: { $date }
reviews-fired-because = Причина: { $reason }
reviews-fired-applied = Применено { $applied }: ступень { $tier }, достигнуто { $level } от цели.
reviews-fired-capped-month = Урезано до месячного предела.
reviews-fired-capped-year = Урезано до остатка годового предела.
reviews-fired-year-total = С начала года: { $total }.
reviews-mark-done = Отметить выполненным
reviews-done-note = Что сделано
reviews-done-save = Сохранить как выполненное
reviews-done-cancel = Отмена
reviews-done-on = Выполнено { $date }
reviews-mark-undone = Снять отметку
reviews-mark-failed = Не удалось отметить «{ $what }»: { $reason }

reviews-report-title = Отчёт и календарь
reviews-report-export = Выгрузить отчёт о разборе
reviews-report-sign = Подписать отчёт
reviews-calendar-save = Сохранить календарь разборов
reviews-report-filter = Документ PDF
reviews-calendar-filter = iCalendar
reviews-calendar-name = kalendar-razborov
reviews-report-written = Отчёт о разборе сохранён: { $path }
reviews-report-failed = Не удалось записать отчёт о разборе: { $reason }
reviews-open-failed = Отчёт сохранён, но открыть его не удалось: { $reason }
reviews-calendar-written = Календарь разборов сохранён: { $path }
reviews-calendar-failed = Не удалось сохранить календарь разборов: { $reason }

reviews-hours-minutes = { $hours ->
    [0] { $minutes } мин
   *[other] { $minutes ->
        [0] { $hours } ч
       *[other] { $hours } ч { $minutes } мин
    }
}
reviews-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}
