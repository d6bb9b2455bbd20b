# Сравнение двух версий соглашения: каждое изменение одной фразой, как её прочтёт руководитель.
# $where — где изменение («3.1.1 MQL на менеджера»), $label — поле, $old и $new — значения,
# уже записанные с единицами; $clause — номер пункта, как его печатает PDF.

compare-changed = { $where }: { $label } { $old } → { $new }
compare-changed-unlabelled = { $where }: { $old } → { $new }
compare-reworded = { $where }: { $label } — новая редакция
compare-reworded-unlabelled = { $where } — новая редакция
compare-reordered = { $what } изменён
compare-subject-field = { $where }, { $label }
compare-conflict-both = { $subject }: в версиях разные правки
compare-conflict-removed = { $subject }: в одной версии удаление, в другой правка

## Where a change is
compare-title = Название
compare-language = Язык
compare-agreement-id = Номер соглашения
compare-schema-version = Версия формата
compare-signatory-marketing = подписант от маркетинга
compare-signatory-sales = подписант от продаж
compare-nth = { $what } ({ $nth })
compare-step = { $clause } этап { $step } ({ $name })
compare-remedy = { $clause } мера
compare-adjustment = { $clause } корректировка
compare-participant = { $clause } участник { $name }
compare-review-date = { $clause } дата пересмотра { $date }
compare-holiday = { $clause } праздничный день { $date }

## Fields
compare-label-department = подразделение
compare-label-head = руководитель
compare-label-head-role = должность руководителя
compare-label-head-email = эл. почта руководителя
compare-label-effective-date = дата вступления в силу
compare-label-duration = срок
compare-label-renewal = продление
compare-label-provider = исполнитель
compare-label-service = услуга
compare-label-description = описание
compare-label-name = название
compare-label-definition = определение
compare-label-kind = вид
compare-label-flow = поток лидов
compare-label-plan-source = источник цифр
compare-label-unit = единица измерения
compare-label-comparator = условие
compare-label-target = целевое значение
compare-label-window = период
compare-label-data-source = источник данных
compare-label-collection = сбор данных
compare-label-owner = ответственный
compare-label-contents = содержание
compare-label-prepared-by = готовит
compare-label-frequency = периодичность
compare-label-review-cadence = совместный разбор
compare-label-basis = сроки исчисляются
compare-label-timezone = часовой пояс
compare-label-workdays = рабочие дни
compare-label-day-start = начало рабочего дня
compare-label-day-end = конец рабочего дня
compare-label-category = категория
compare-label-applies-to = применяется к
compare-label-response = реагирование
compare-label-resolution = решение
compare-label-trigger = условие
compare-label-after = срок перехода
compare-label-action = действие
compare-label-scope = относится к
compare-label-when = измеримое условие
compare-label-cap-month = предел в месяц
compare-label-cap-year = предел в год
compare-label-adjustment = корректировка
compare-label-role = должность
compare-label-email = эл. почта

## Values
compare-months = { $months ->
    [one] { $months } месяц
    [few] { $months } месяца
   *[many] { $months } месяцев
}
compare-renewal-none = не предусмотрено
compare-renewal-automatic = автоматическое
compare-renewal-by_agreement = по соглашению сторон
compare-unit-count = количество
compare-unit-percent = проценты
compare-unit-minutes = минуты
compare-unit-hours = часы
compare-unit-business_hours = рабочие часы
compare-unit-days = дни
compare-unit-money = деньги
compare-comparator-at_least = не менее
compare-comparator-at_most = не более
compare-comparator-exactly = ровно
compare-per-day = за день
compare-per-week = за неделю
compare-per-month = за месяц
compare-per-quarter = за квартал
compare-per-year = за год
compare-basis-business_hours = в рабочих часах
compare-basis-calendar = в календарном времени
compare-when-none = не измеряется
compare-when-missed = { $periods ->
    [one] { $periods } промах подряд
    [few] { $periods } промаха подряд
   *[many] { $periods } промахов подряд
}
compare-when-below = достигнуто менее { $percent } от цели
compare-adjustment-kind-bonus = премия
compare-adjustment-kind-budget = бюджет
compare-language-en = английский
compare-language-ru = русский

## Items added and removed, lists reordered
compare-added-service = { $clause } услуга добавлена: { $name }
compare-removed-service = { $clause } услуга удалена: { $name }
compare-added-metric = { $clause } показатель добавлен: { $name }, { $target }
compare-removed-metric = { $clause } показатель удалён: { $name }
compare-added-report = { $clause } отчёт добавлен: { $name }
compare-removed-report = { $clause } отчёт удалён: { $name }
compare-added-participant = { $clause } участник разбора добавлен: { $name }
compare-removed-participant = { $clause } участник разбора удалён: { $name }
compare-added-review-date = { $clause } дата пересмотра добавлена: { $date }
compare-removed-review-date = { $clause } дата пересмотра удалена: { $date }
compare-added-holiday = { $clause } праздничный день добавлен: { $date }
compare-removed-holiday = { $clause } праздничный день удалён: { $date }
compare-added-deadline = { $clause } срок добавлен: { $name }
compare-removed-deadline = { $clause } срок удалён: { $name }
compare-added-step = { $clause } этап эскалации { $step } добавлен: { $name }
compare-removed-step = { $clause } этап эскалации { $step } удалён: { $name }
compare-added-remedy = { $clause } мера добавлена: { $name }
compare-removed-remedy = { $clause } мера удалена: { $name }
compare-added-adjustment = { $clause } корректировка добавлена: { $name }
compare-removed-adjustment = { $clause } корректировка удалена: { $name }
compare-added-tier = { $clause } ступень добавлена: { $name }
compare-removed-tier = { $clause } ступень удалена: { $name }
compare-added-signatory = { $clause } { $who } добавлен: { $name }
compare-removed-signatory = { $clause } { $who } удалён: { $name }
compare-added-item = { $where }: { $what } — добавлено
compare-removed-item = { $where }: { $what } — удалено
compare-order-services = { $clause } порядок услуг
compare-order-metrics = { $clause } порядок показателей
compare-order-reports = { $clause } порядок отчётов
compare-order-participants = { $clause } порядок участников разбора
compare-order-review-dates = { $clause } порядок дат пересмотра
compare-order-holidays = { $clause } порядок праздничных дней
compare-order-deadlines = { $clause } порядок сроков
compare-order-steps = { $clause } порядок этапов эскалации
compare-order-remedies = { $clause } порядок мер
compare-order-adjustments = { $clause } порядок корректировок
compare-order-tiers = { $clause } порядок ступеней
compare-order-signatories = { $clause } порядок подписантов

## `sla-studio diff`: изменения под названиями шагов мастера (как `step-*` в wizard.ftl)
compare-group-parties = Стороны и услуги
compare-group-performance = Уровень услуг
compare-group-monitoring = Мониторинг и отчётность
compare-group-deadlines = Сроки
compare-group-consequences = Последствия
compare-group-review = Проверка
compare-group-signoff = Подписание и экспорт
compare-count = { $count ->
    [one] { $count } изменение
    [few] { $count } изменения
   *[many] { $count } изменений
}
compare-same = Соглашения совпадают.
compare-agreement-named = «{ $title }» ({ $id })
compare-other-agreement = Это два разных соглашения: { $old } и { $new }.

## `sla-studio merge` и `import`: файл другого руководителя, слитый с черновиком
compare-merge-from = Предложение { $name } к черновику { $draft } («{ $title }»).
compare-merge-from-unknown = Предложение к черновику { $draft } («{ $title }»).
compare-merge-base-found = Сравнение в три стороны от версии { $version }, последней общей у вас обоих: показано только то, что изменило предложение.
compare-merge-base-unknown = Предложение сделано из версии, которой на этом компьютере никогда не было, поэтому оно сравнивается с вашей последней версией напрямую: каждое различие показано как изменение из предложения, включая ваши собственные правки, которых в нём нет.
compare-merge-base-not-named = В файле не сказано, из какой версии он сделан, поэтому он сравнивается с вашей последней версией напрямую: каждое различие показано как изменение из предложения, включая ваши собственные правки, которых в нём нет.
compare-merge-conflicts = Конфликты: это изменили вы оба
compare-merge-yours = ваше: { $change }
compare-merge-theirs = их: { $change }
compare-merge-comments = { $count ->
    [one] { $count } новый комментарий
    [few] { $count } новых комментария
   *[other] { $count } новых комментариев
}
compare-merge-saved = Слито с черновиком { $draft } как версия { $version }.
compare-merge-nothing = Предложение ничего не меняет в вашей версии; ничего не сохранено.
compare-merge-conflicts-remain = { $count ->
    [one] Остался { $count } конфликт
    [few] Осталось { $count } конфликта
   *[other] Осталось { $count } конфликтов
}, поэтому ничего не сохранено: разрешите их в окне или примите сторону предложения с --accept-all.
compare-merge-two-way-confirm = Ничего не сохранено: проверьте изменения выше и слейте их с --accept-all (исключив ненужные с --reject KEY).
compare-import-proposal = { $file } — новая версия черновика { $draft } («{ $title }»), поэтому он не сохранён как новый черновик. Изменения: `sla-studio merge { $draft } { $file } --dry-run`, слияние: `sla-studio merge { $draft } { $file }`, отдельный черновик: `sla-studio import --as-new { $file }`.
compare-merge-dry-run = Ничего не сохранено (--dry-run).
