# Labels of the exported agreement.

## Title block, running header and footer
pdf-document-kind = Соглашение об уровне сервиса
pdf-between = между подразделениями «{ $marketing }» и «{ $sales }»
pdf-agreement-number = Соглашение № { $id }
pdf-effective-from = Вступает в силу { $date }
pdf-draft-number = Черновик { $id }
pdf-version-number = версия { $version }
pdf-prepared-on = подготовлено { $date }
pdf-page-of = Страница { $page } из { $total }
pdf-footer-agreement = Соглашение { $id }
pdf-footer-hash = SHA-256 данных соглашения: { $hash }
pdf-draft-mark = ПРОЕКТ
pdf-draft-banner = ПРОЕКТ: не проходит проверки, не для подписания
pdf-empty = —
pdf-not-agreed = пока не согласовано
pdf-list-none = Нет.

## Document properties
pdf-meta-subject = Соглашение об уровне сервиса между подразделениями «{ $marketing }» и «{ $sales }»
pdf-meta-keywords = SLA, соглашение об уровне сервиса, маркетинг, продажи
pdf-attachment-description = Соглашение в формате SLA Studio (канонический JSON)

## Section headings
pdf-section-parties = Стороны и срок действия
pdf-section-services = Услуги
pdf-section-performance = Уровни сервиса
pdf-section-monitoring = Мониторинг и отчётность
pdf-section-deadlines = Сроки
pdf-section-consequences = Последствия невыполнения обязательств
pdf-section-notes = Прочие условия
pdf-section-signatures = Подписи сторон

## 1. Parties and term
pdf-sub-parties = Стороны
pdf-sub-term = Срок действия
pdf-parties-intro = Настоящее соглашение устанавливает уровень сервиса, который указанные ниже подразделения предоставляют друг другу, порядок его измерения и контроля, а также последствия его несоблюдения.
pdf-party-department = Подразделение
pdf-party-head = Руководитель
pdf-party-role = Должность
pdf-party-email = Эл. почта
pdf-term-effective = Дата вступления в силу
pdf-term-duration = Срок действия
pdf-term-duration-value = { $months ->
    [one] { $months } месяц, по { $end } включительно
    [few] { $months } месяца, по { $end } включительно
   *[many] { $months } месяцев, по { $end } включительно
}
pdf-term-renewal = Продление
pdf-term-reviews = Даты пересмотра
pdf-renewal-none = Не предусмотрено: соглашение прекращается по истечении срока.
pdf-renewal-automatic = Автоматическое: соглашение продлевается на новый срок, если ни один из руководителей не возразит до его истечения.
pdf-renewal-by_agreement = По соглашению сторон: соглашение продлевается, только если оба руководителя подпишут продление.

## 2. Services
pdf-services-intro = Каждое подразделение обязуется предоставлять другому следующие услуги.
pdf-service-provider = Исполнитель
pdf-service-recipient = Получатель
pdf-service-reference = Код
pdf-reference = код: { $id }
pdf-service-description = Описание
pdf-service-metrics = Показатели
pdf-service-no-metrics = Показатели пока не заданы.
pdf-services-none = Услуги пока не согласованы.

## 3. Performance levels
pdf-performance-intro = Каждая услуга предоставляется на указанном ниже уровне. Уровень считается достигнутым, если показатель, измеренный за указанный период по указанному источнику, удовлетворяет целевому значению.
pdf-performance-heading = { $service } (исполнитель: { $provider })
pdf-col-number = №
pdf-col-metric = Показатель и порядок расчёта
pdf-col-target = Целевое значение
pdf-col-measurement = Измерение
pdf-col-owner = Отвечает
pdf-metric-flow = Поток лидов: { $flow }
pdf-metric-kind = Вид: { $kind }
pdf-metric-source = Источник: { $source }
pdf-kind-volume = объём
pdf-kind-quality = качество
pdf-kind-speed = скорость
pdf-kind-reliability = надёжность
pdf-collection-automatic = Фиксируется автоматически
pdf-collection-manual = Собирается вручную: { $reason }
pdf-comparator-at_least = не менее { $amount }
pdf-comparator-at_most = не более { $amount }
pdf-comparator-exactly = ровно { $amount }
pdf-window-day = за день
pdf-window-week = за неделю
pdf-window-month = за месяц
pdf-window-quarter = за квартал
pdf-window-year = за год
# $value is already formatted; $count selects the plural; $case is "nominative" or "genitive"
# (the genitive follows "не менее" / "не более").
pdf-unit-count = { $value }
pdf-unit-percent = { $value } %
pdf-unit-minutes = { $case ->
    [genitive] { $count ->
        [one] { $value } минуты
        [few] { $value } минут
        [many] { $value } минут
       *[other] { $value } минуты
    }
   *[nominative] { $count ->
        [one] { $value } минута
        [few] { $value } минуты
        [many] { $value } минут
       *[other] { $value } минуты
    }
}
pdf-unit-hours = { $case ->
    [genitive] { $count ->
        [one] { $value } часа
        [few] { $value } часов
        [many] { $value } часов
       *[other] { $value } часа
    }
   *[nominative] { $count ->
        [one] { $value } час
        [few] { $value } часа
        [many] { $value } часов
       *[other] { $value } часа
    }
}
pdf-unit-business_hours = { $case ->
    [genitive] { $count ->
        [one] { $value } рабочего часа
        [few] { $value } рабочих часов
        [many] { $value } рабочих часов
       *[other] { $value } рабочего часа
    }
   *[nominative] { $count ->
        [one] { $value } рабочий час
        [few] { $value } рабочих часа
        [many] { $value } рабочих часов
       *[other] { $value } рабочего часа
    }
}
pdf-unit-days = { $case ->
    [genitive] { $count ->
        [one] { $value } дня
        [few] { $value } дней
        [many] { $value } дней
       *[other] { $value } дня
    }
   *[nominative] { $count ->
        [one] { $value } день
        [few] { $value } дня
        [many] { $value } дней
       *[other] { $value } дня
    }
}
pdf-unit-money = { $value } в валюте компании

## 4. Monitoring and reporting
pdf-sub-data-collection = Сбор данных
pdf-sub-data-processing = Обработка данных
pdf-sub-reports = Отчёты
pdf-sub-review = График контроля
pdf-col-report = Отчёт
pdf-col-contents = Содержание
pdf-col-prepared-by = Готовит
pdf-col-frequency = Периодичность
pdf-reports-none = Отчёты пока не согласованы.
pdf-review-cadence = Совместный разбор показателей
pdf-review-participants = Участники
pdf-review-dates = Пересмотр соглашения и целевых значений
pdf-cadence-daily = ежедневно
pdf-cadence-weekly = еженедельно
pdf-cadence-biweekly = раз в две недели
pdf-cadence-monthly = ежемесячно
pdf-cadence-quarterly = ежеквартально

## 5. Deadlines
pdf-sub-calendar = Рабочее время
pdf-sub-deadline-rules = Сроки реагирования и решения
pdf-deadline-basis = Сроки исчисляются
pdf-basis-business_hours = в рабочих часах по календарю ниже
pdf-basis-calendar = в календарном времени, круглосуточно
pdf-calendar-timezone = Часовой пояс
pdf-calendar-workdays = Рабочие дни
pdf-calendar-hours = Рабочие часы
pdf-calendar-hours-value = с { $start } до { $end }
pdf-calendar-holidays = Праздничные дни
pdf-calendar-range = { $from } – { $to }
pdf-col-applies-to = Применяется к
pdf-col-category = Категория
pdf-col-response = Реагирование
pdf-col-resolution = Решение
pdf-category-lead_tier = Категория лида
pdf-category-issue_severity = Серьёзность проблемы
pdf-deadlines-none = Сроки пока не согласованы.
pdf-weekday-1 = понедельник
pdf-weekday-2 = вторник
pdf-weekday-3 = среда
pdf-weekday-4 = четверг
pdf-weekday-5 = пятница
pdf-weekday-6 = суббота
pdf-weekday-7 = воскресенье

## 6. Consequences
pdf-sub-escalation = Эскалация
pdf-sub-remedies = Меры по восстановлению
pdf-sub-adjustments = Корректировка премий и бюджетов
pdf-escalation-intro = При невыполнении обязательства вопрос поднимается поэтапно в следующем порядке.
pdf-col-step = Этап
pdf-col-trigger = Когда
pdf-col-escalate-to = Кому
pdf-col-after = Через
pdf-col-action = Действие
pdf-after-days = { $days ->
    [0] сразу
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
pdf-escalation-none = Порядок эскалации пока не согласован.
pdf-col-scope = Относится к
pdf-remedies-none = Меры пока не согласованы.
pdf-scope-agreement = соглашению в целом
pdf-scope-commitment = услуге { $number } «{ $name }»
pdf-scope-metric = показателю { $number } «{ $name }»
pdf-scope-unknown = { $id } (нет в этом соглашении)
pdf-trigger-subject-agreement = любая метрика соглашения
pdf-trigger-subject-commitment = метрика услуги { $number } «{ $name }»
pdf-trigger-subject-metric = метрика { $number } «{ $name }»
pdf-trigger-missed-in-a-row = Срабатывает: { $subject } не выполнена { $periods ->
    [1] в текущем периоде
    [one] { $periods } период подряд
    [few] { $periods } периода подряд
   *[other] { $periods } периодов подряд
}
pdf-trigger-achieved-below = Срабатывает: { $subject } достигает менее { $percent } от цели
pdf-adjustments-none = Корректировка премий и бюджетов не применяется.
pdf-adjustment-heading = { $kind } по { $scope }
pdf-adjustment-kind-bonus = Корректировка премии
pdf-adjustment-kind-budget = Корректировка бюджета
pdf-col-achieved = Достигнутый уровень
pdf-col-adjustment = Корректировка
pdf-achieved-below = ниже { $percent } от цели
pdf-adjustment-caps = Не более { $month } в месяц и { $year } в год.

## 7. Other terms
pdf-notes-none = Прочих условий нет.

## 8. Signatures
pdf-signatures-intro = Подписывая соглашение, руководители подразделений принимают изложенные в нём обязательства и порядок их измерения.
pdf-signatures-none = Подписанты пока не указаны.
pdf-sign-for = За подразделение «{ $side }»
pdf-sign-name = ФИО
pdf-sign-role = Должность
pdf-sign-department = Подразделение
pdf-sign-email = Эл. почта
pdf-sign-signature = Подпись
pdf-sign-date = Дата

## Изменение подписанного соглашения
pdf-amendment-kind = Изменение соглашения об уровне сервиса
pdf-amendment-of = Изменяет соглашение, подписанное { $date } (SHA-256 { $fingerprint }…)
pdf-annex-changes = Приложение. Изменения подписанного соглашения
pdf-annex-changes-intro = Настоящее изменение вносит в соглашение, подписанное { $date } (SHA-256 его данных: { $fingerprint }), { $count ->
    [one] { $count } изменение, указанное
    [few] { $count } изменения, указанные
   *[other] { $count } изменений, указанных
} ниже. Всё остальное остаётся в подписанной редакции.

pdf-sub-plan = На чём основаны цели
pdf-plan-intro = Стороны установили цели выше исходя из этих цифр. Когда они меняются (растёт команда, меняется конверсия этапа), цели пересматриваются вместе с ними.
pdf-plan-reps = Сотрудников, работающих с лидами
pdf-plan-hours = Часов в месяц у каждого на работу с лидами
pdf-plan-attempts = Попыток связаться на лид
pdf-plan-minutes = Минут на попытку
pdf-plan-after-hours = Лидов в нерабочее время
pdf-plan-lead-volume = Лиды считает метрика
pdf-plan-lead-volume-value = { $metric }, { $per ->
    [rep] на каждого сотрудника
   *[team] на всю команду
  }
pdf-col-stage = Этап воронки
pdf-col-conversion = Конверсия
pdf-col-measured-by = Чем измеряется
pdf-plan-source = Источник цифр: { $source }
