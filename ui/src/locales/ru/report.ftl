# Отчёт об обзоре: показатели периода против целей соглашения, применяемые последствия, решения
# обзора и подписи руководителей. Печатает sla-review-report.

report-document-kind = Обзор выполнения соглашения об уровне сервиса
report-period = Итоги за { $period }
report-period-field = Период
report-agreement-field = Соглашение
report-reviewers-field = Участники обзора
report-review-date-field = Дата обзора
report-fingerprint = Отпечаток соглашения (SHA-256): { $hash }
report-footer = Обзор соглашения № { $id } · { $period }
report-meta-subject = Итоги за { $period } по соглашению об уровне сервиса между подразделениями «{ $marketing }» и «{ $sales }»
report-meta-keywords = обзор SLA, выполнение, продажи, маркетинг
report-attachment-description = Показатели, последствия и корректировки обзора, как они рассчитаны (JSON)

report-section-summary = Итоги
report-summary-text = Рассмотрено { $total ->
    [one] { $total } показатель
    [few] { $total } показателя
   *[other] { $total } показателей
  }: цель достигнута — { $met }, не достигнута — { $missed }, нет данных — { $nodata }.
report-summary-consequences = { $count ->
    [0] В этом периоде последствия соглашения не применяются.
    [one] В этом периоде применяется { $count } последствие соглашения (раздел 4).
    [few] В этом периоде применяются { $count } последствия соглашения (раздел 4).
   *[other] В этом периоде применяются { $count } последствий соглашения (раздел 4).
  }
report-bar-caption = Показатели по статусу
report-status-met = выполнено
report-status-missed = не выполнено
report-status-no_data = нет данных

report-section-metrics = Показатели и цели
report-metrics-intro = Значение каждого показателя за период против цели, установленной его пунктом; динамика — за последние периоды, от ранних к поздним.
report-col-metric = Показатель
report-col-actual = Факт
report-col-target = Цель
report-col-status = Статус
report-col-achieved = % от цели
report-col-trend = Динамика
report-clause = п. { $number }
report-entered-by = введено вручную ({ $who })
report-misses-in-a-row = { $count ->
    [one] не выполнено { $count } период подряд
    [few] не выполнено { $count } периода подряд
   *[other] не выполнено { $count } периодов подряд
  }
report-trend-better = улучшается
report-trend-worse = ухудшается
report-trend-flat = без изменений
report-no-metrics = В обзоре нет показателей.
report-sub-time = Время реакции
report-col-leads = Лидов
report-col-median = Медиана
report-col-p90 = 90-й процентиль
report-col-within = В пределах цели
report-never-contacted = и { $count } без контакта
report-level = при { $percent } от цели

report-section-charts = Динамика по периодам
report-charts-intro = На каждом графике — значение показателя по периодам (сплошная линия) и цель (пунктир).
report-chart-actual = факт
report-chart-target = цель { $value }
report-chart-no-data = н/д

report-section-consequences = Применяемые последствия
report-consequences-none = В этом периоде не применяются ни эскалация, ни меры, ни корректировки соглашения.
report-sub-escalations = Эскалация
report-sub-remedies = Меры
report-sub-adjustments = Корректировки с учётом ограничений
report-escalations-none = Шаги эскалации не применяются.
report-remedies-none = Меры не применяются.
report-adjustments-none = Корректировки не применяются.
report-col-clause = Пункт
report-col-who = Кого уведомить
report-col-action = Действие
report-col-why = Основание
report-col-due = Срок
report-col-kind = Корректировка
report-col-tier = По шкале
report-col-applied = Применено
report-col-year = С начала года
report-escalation-clause = п. { $clause }, шаг { $step }
report-capped-month = уменьшено до месячного предела
report-capped-year = уменьшено до годового предела
report-metrics-of = Показатели: { $metrics }

report-section-decisions = Решения по итогам обзора
report-decisions-intro = Согласованные на обзоре действия, ответственные и сроки.

report-section-signatures = Подписи
report-signatures-intro = Руководители подтверждают показатели этого обзора и принятые решения.
