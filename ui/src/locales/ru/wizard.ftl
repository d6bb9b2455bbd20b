# Окно мастера: подписи, подсказки, советы и значения по умолчанию.

## Окно

app-loading = Загрузка…
app-skip-to-content = Перейти к содержимому
app-start-failed = При запуске что-то пошло не так: { $reason }
draft-untitled = Соглашение без названия
header-nav-label = Где вы находитесь
header-all-agreements = Все соглашения
header-ui-language = Язык интерфейса
toast-dismiss = Закрыть
wizard-cancel = Отмена
wizard-close = Закрыть
wizard-remove = Удалить
wizard-optional = необязательно

## Сохранение

save-pending = Есть несохранённые изменения…
save-saving = Сохранение…
save-saved = Сохранено · версия { $version } · { $time }
save-waiting = Не сохранено
save-waiting-disk-full = Не сохранено: диск заполнен
save-waiting-read-only = Не сохранено: папка только для чтения
# Рядом с предыдущим: изменения целы в этом окне, пока хранилище их не примет.
save-kept = · правки целы, повтор через { $seconds } с
save-retry = Повторить
save-stay = Последние изменения ещё не сохранены, поэтому соглашение остаётся открытым. Освободите место на диске (или разрешите запись в папку с данными): изменения сохранятся при следующей попытке.

## Главная: черновики

home-title = Ваши соглашения
home-views = Показать
home-drafts = Черновики
home-trash = Корзина ({ $count })
home-search = Поиск по соглашениям
home-search-placeholder = Название, отдел, человек, метрика…
home-empty = Соглашений пока нет. Создайте первое слева: в каждом шаблоне уже есть полное двустороннее соглашение, которое остаётся подогнать под вашу компанию.
home-load-more = Показать ещё
home-no-matches = Ни одно соглашение не подходит под запрос.
home-open = Открыть
home-duplicate = Копировать
home-rename = Переименовать
home-new-name = Новое название
home-delete = Удалить
home-reviews-open = Разборы
home-review-none = Разборов ещё не было
home-review-met = { $period }: всё выполнено
home-review-missed = { $period }: { $missed ->
    [one] не выполнена { $missed } метрика
    [few] не выполнены { $missed } метрики
   *[many] не выполнено { $missed } метрик
}
home-review-and-no-data = без данных — { $count }
home-review-no-data = { $period }: нет данных
home-review-partly = { $period }: { $met ->
    [one] выполнена { $met } метрика
    [few] выполнены { $met } метрики
   *[many] выполнено { $met } метрик
}, без данных — { $count }
home-undo = Отменить
home-moved-to-trash = «{ $title }» перемещено в корзину.
home-version = версия { $version }
home-updated = изменено { $when }
home-trash-intro = Удалённые соглашения хранятся здесь, пока вы не очистите корзину.
home-trash-empty = Корзина пуста.
home-trashed = удалено { $when }
home-restore = Восстановить
home-empty-trash = Очистить корзину
home-empty-trash-confirm = { $count ->
    [one] Удалить { $count } соглашение навсегда? Это нельзя отменить.
    [few] Удалить { $count } соглашения навсегда? Это нельзя отменить.
   *[many] Удалить { $count } соглашений навсегда? Это нельзя отменить.
}
home-empty-trash-yes = Удалить навсегда
home-new-title = Новое соглашение
home-new-intro = Начните с шаблона, который подходит вашему способу продаж, и измените то, что у вас устроено иначе, или начните с чистого листа.
home-template = Основа
home-template-own = Шаблон компании
home-template-problems = { $count ->
    [one] Один файл в папке шаблонов не загружен:
    [few] { $count } файла в папке шаблонов не загружены:
   *[many] { $count } файлов в папке шаблонов не загружены:
  }
home-template-folder = Шаблоны вашей компании: положите файл соглашения (экспорт в .sla.json) в папку { $folder }, и он появится здесь.
language-name-en = Только на английском
language-name-ru = Только на русском
home-agreement-language = Язык соглашения
home-agreement-language-hint = На этом языке пишутся соглашение и его PDF. Язык интерфейса переключается справа вверху.
home-create = Создать соглашение

## Шаги

wizard-steps = Шаги соглашения
wizard-step-nav = Предыдущий и следующий шаг
wizard-step-of = Шаг { $n } из { $total }
wizard-findings-count = { $count ->
    [one] { $count } замечание
    [few] { $count } замечания
   *[many] { $count } замечаний
}
step-status-complete = Готово
step-status-incomplete = Заполнить
step-status-attention = Требует внимания
step-parties = Стороны и услуги
step-parties-intro = Кто с кем договаривается, что каждый отдел даёт другому и на какой срок.
step-performance = Уровень услуг
step-performance-intro = Как измеряется каждая услуга: несколько метрик на направление, у каждой цель по надёжности и скорости реакции.
step-monitoring = Мониторинг и отчётность
step-monitoring-intro = Откуда берутся цифры, как они обрабатываются, кто и как часто разбирает их вместе.
step-deadlines = Сроки
step-deadlines-intro = Как быстро обрабатываются лиды и устраняются проблемы — в рабочих часах или в календарном времени.
step-consequences = Последствия
step-consequences-intro = Что происходит при невыполнении обязательства: кого извещают, что делают, корректировки премии или бюджета.
step-review = Проверка
step-review-intro = Всё соглашение на одной странице и всё, что стоит исправить до подписания.
step-signoff = Подписание и экспорт
step-signoff-intro = Кто подписывает за каждую сторону, PDF для подписи и передача на подписание.

## Советы

guidance-title = Как написать эту часть
guidance-example = Пример
guidance-defaults = Разумные значения
guidance-sources = На чём это основано
guidance-parties-advice =
    SLA фиксирует, какую услугу одна сторона оказывает другой, как её измеряют и как контролируют. Внутри компании это работает так же, как с клиентом.
    Соглашение двустороннее: маркетинг обязуется перед продажами (сколько лидов и какого качества), а продажи — перед маркетингом (как быстро и настойчиво обрабатывают лиды и объясняют, почему отклонили).
    Назовите конкретных людей: руководители двух отделов отвечают за соглашение и подписывают его.
    Договоритесь о датах пересмотра сразу — тогда цели будут пересматривать, а не забудут.
guidance-parties-example = Маркетинг оказывает услугу «Маркетинговые лиды (MQL)», продажи — «Обработка лидов и обратная связь». Срок: 12 месяцев с 1 января, пересмотр раз в квартал.
guidance-parties-defaults = Срок 12 месяцев с первого числа следующего месяца, продление по согласию сторон, пересмотр в конце каждого квартала.
guidance-parties-cites =
    Статья: SLA указывает тип услуги, требуемый уровень, контроль, сроки и последствия — в одном документе, понятном обеим сторонам.
    Модель SLA HubSpot: соглашение работает в обе стороны — от маркетинга к продажам и от продаж к маркетингу.
guidance-performance-advice =
    Мотивируйте правильное поведение: сначала решите, какого поведения вы хотите, затем встаньте на место другой стороны — как бы вы «обыграли» эту метрику? Даст ли это всё равно нужный результат?
    Только то, что контролирует исполнитель: метрика должна зависеть от отдела, который оказывает услугу.
    Легко собирать: в идеале CRM записывает её сама. Если сомневаетесь, выбирайте ту, которую проще собрать.
    Качество, а не количество: из-за избытка метрик появляются данные, которые никто не анализирует; при недостатке упускается важное. Обычно хватает двух–четырёх на направление.
    Ставьте правильные цели: разумные и достижимые. К каждой метрике объёма добавьте метрику качества того же потока лидов.
guidance-performance-example = Модель HubSpot: 100 MQL в месяц на менеджера среднего сегмента, около 50 дозвонов, 30 квалификационных звонков, 15 демонстраций, 5 клиентов. Компании, связавшиеся с лидом в течение часа, квалифицировали его примерно в 7 раз чаще (HBR, 2011).
guidance-performance-defaults = Новые метрики измеряются помесячно, записываются CRM автоматически, отвечает за них сторона-исполнитель. Цель по MQL поможет рассчитать воронка из плана выручки.
guidance-performance-cites =
    Пять правил статьи для выбора метрик: мотивируйте правильное поведение; только то, что контролирует исполнитель; легко собрать; качество, а не количество; разумные, достижимые цели.
    М. Роберж, «The Sales Acceleration Formula» (воронка HubSpot): объём лидов следует из конверсии каждого этапа и из команды, которая с ними работает.
    Harvard Business Review, «The Short Life of Online Sales Leads» (2011): важнее всего первый час после прихода лида.
    У каждой метрики из библиотеки указан свой источник и обычный диапазон цели.
guidance-monitoring-advice =
    Укажите, откуда берётся каждая цифра и как её обрабатывают до разбора (дубли, тестовые лиды, исключения), чтобы обе стороны получали одно и то же число.
    Отслеживайте ежедневно, разбирайте регулярно: общий дашборд на каждый день и совместный разбор с постоянной периодичностью.
    Назовите участников разбора: соглашение, которое никто не разбирает, перестаёт работать за квартал.
guidance-monitoring-example = Цифры берутся из CRM; отдел RevOps убирает дубли и публикует ежедневный дашборд. Оба руководителя и руководитель RevOps разбирают его раз в месяц.
guidance-monitoring-defaults = Ежедневный дашборд, ежемесячный отчёт и ежемесячный совместный разбор двух руководителей.
guidance-monitoring-cites =
    Статья, состав SLA (3): какая статистика собирается, как обрабатывается, как часто анализируется и кто участвует в разборе.
    Модель SLA HubSpot: ежедневный мониторинг, регулярный разбор.
guidance-deadlines-advice =
    Задайте сроки реакции и решения по категориям лидов: горячим (запрос демо или цены) нужен гораздо более быстрый первый контакт, чем остальным.
    Скорость решает: в одном исследовании первый ответ в среднем занимал 42 часа, а с 23% лидов не связались вовсе.
    Укажите, считаются ли сроки в рабочих часах или в календарном времени, и чья рабочая неделя и часовой пояс действуют.
    Проблемам, о которых сообщает любая сторона (сломалась маршрутизация лидов, форма теряет данные), тоже нужны сроки.
guidance-deadlines-example = Категория A (запрос демо или цены): первый контакт в течение 1 рабочего часа, решение за 3 дня. Сломанная маршрутизация лидов: реакция за 2 часа, исправление за день.
guidance-deadlines-defaults = Рабочие часы с понедельника по пятницу, с 09:00 до 18:00 по часовому поясу компании.
guidance-deadlines-cites =
    Статья, состав SLA (4): сроки реакции на проблемы и их решения.
    Harvard Business Review (2011), 2241 компания: средний первый ответ — 42 часа; 23% не ответили вовсе; в течение часа — примерно в 7 раз больше шансов квалифицировать лид.
    База часовых поясов IANA: названия поясов, по которым любой компьютер считает рабочие часы.
guidance-consequences-advice =
    Отделы не выставляют друг другу счета: обычные последствия — лестница эскалации (руководитель другого отдела, затем генеральный директор), возврат или переназначение лидов, совместный разбор и пересмотренный план.
    Привяжите каждую меру к метрике или обязательству, на которое она отвечает, чтобы все знали, что её запускает.
    Дайте каждой ступени и мере условие, которое можно проверить на ежемесячном разборе. Один промах — случайность, два подряд — закономерность: начинайте лестницу с 2. Ниже 80 % от цели — настоящее отставание, а не округление.
    Корректировки премии или бюджета необязательны. Если они нужны, задайте уровни выполнения и ограничьте их сверху за месяц и за год.
guidance-consequences-example = Лид, с которым не связались в срок, передаётся другому менеджеру. Объём ниже цели за месяц — маркетинг представляет пересмотренный план кампаний на ежемесячном разборе.
guidance-consequences-defaults = Сначала эскалация руководителю другого отдела после 2 промахов подряд, через 14 дней при 3 — генеральному директору; новая мера применяется ниже 80 % от цели.
guidance-consequences-cites =
    Статья, состав SLA (5): последствия для стороны, не выполнившей обязательства.
    Практика сервисных кредитов (шаблон SLA Accord Project): ступени достигнутого уровня с лимитом на месяц и на год.
guidance-review-advice =
    Прочитайте соглашение глазами другой стороны: каждая ли цифра определена так, что обе стороны посчитают одно и то же?
    Ошибки нужно исправить до экспорта; предупреждения указывают на вероятные проблемы; заметки полезно знать.
    Нажмите на замечание, чтобы перейти прямо к полю, которое его исправляет.
guidance-review-example = Метрика «Время до первого контакта», за которую отвечает маркетинг, отмечается: звонят продажи, значит, только они её контролируют.
guidance-review-defaults = Проверка идёт, пока вы печатаете, и повторяется при каждом сохранении черновика.
guidance-review-cites =
    Под исправлением каждого замечания указано правило статьи или источник, на который оно опирается.
guidance-signoff-advice =
    Каждая сторона подписывает соглашение: обычно два руководителя, иногда ещё и генеральный директор.
    Выгрузите PDF на языке соглашения и отправьте подписантам.
    Видимая подпись показывает, кто подписал; электронная подпись доказывает, что файл не меняли после подписания.
guidance-signoff-example = Анна Петрова, директор по маркетингу, и Игорь Смирнов, директор по продажам, подписывают за свои отделы.
guidance-signoff-defaults = По одному подписанту на сторону — руководители, указанные на шаге 1.
guidance-signoff-cites =
    Статья: один документ, который обе стороны понимают и за который отвечают.
    Самоподписанный сертификат доказывает, что файл не меняли после подписи, но не то, кто подписал; сертификат, выданный компанией, доказывает и то и другое.

## Шаг 1: стороны и услуги

parties-agreement = Соглашение
parties-title = Название
parties-department = Название отдела
parties-department-hint = Как его называют в компании, например «Отдел корпоративных продаж».
parties-head-name = ФИО
parties-head-role = Должность
parties-head-role-placeholder-marketing = Директор по маркетингу
parties-head-role-placeholder-sales = Директор по продажам
parties-head-email = Эл. почта
parties-services = Что каждая сторона предоставляет
parties-services-intro = Каждая услуга — обязательство одного отдела перед другим. Добавьте хотя бы одну в каждом направлении.
parties-service-direction = { $from } → { $to }
parties-provider = Кто оказывает
parties-service = Услуга
parties-service-placeholder-marketing = Маркетинговые лиды (MQL)
parties-service-placeholder-sales = Обработка лидов и обратная связь
parties-service-description = Что именно предоставляется
parties-add-service-marketing = Услуга маркетинга
parties-add-service-sales = Услуга продаж
parties-term = Срок и пересмотр
parties-effective-date = Действует с
parties-duration = Срок действия
parties-months = мес.
parties-renewal = Продление
parties-review-dates = Даты пересмотра
parties-review-dates-hint = В эти дни оба руководителя пересматривают соглашение и его цели.
parties-review-date = Дата пересмотра
parties-add-review-date = Добавить дату пересмотра

## Шаг 2: уровень услуг

performance-no-services = Сначала добавьте услуги сторон: метрики измеряют именно их.
performance-go-services = К услугам
performance-no-metrics = Метрик пока нет. Добавьте из библиотеки или напишите свою.
performance-too-many = Больше пяти метрик на одну услугу: из-за избытка метрик появляются данные, которые никто не анализирует. Оставьте самые важные.
performance-from-library = Добавить из библиотеки метрик
performance-write-own = Написать метрику самостоятельно
metric-unnamed = Новая метрика
metric-name = Метрика
metric-kind = Что измеряет
metric-kind-hint = Надёжность и скорость реакции — главное в уровне услуги.
metric-definition = Определение
metric-definition-hint = Что именно считается, чтобы обе стороны получали одно и то же число.
metric-comparator = Должно быть
metric-target = Цель
metric-unit = Единица
metric-window = Период измерения
metric-data-source = Источник данных
metric-data-source-hint = Система и отчёт, из которых берётся цифра.
metric-flow = Поток лидов
metric-flow-hint = mql, sql, rejected… связывает объём и качество одного потока.
metric-collection = Как собирается
metric-collection-hint = Лучше метрики, которые система записывает без чьих-либо усилий.
metric-manual-reason = Почему её не записывает система
metric-owner = Ответственный
metric-owner-hint = Обычно сторона, оказывающая услугу: только она контролирует эту цифру.
metric-remove = Удалить метрику
metric-target-summary = { $sign } { $target } { $unit } { $window }
library-title = Библиотека метрик: { $side }
library-add = Добавить
library-added = Добавлена
library-empty = В библиотеке нет метрик для этой стороны.
library-failed = Библиотека метрик недоступна: { $reason }
library-source = Источник: { $source }
library-typical = Обычная цель: { $low }–{ $high }
funnel-title = Калькулятор воронки: сколько MQL нужно на менеджера
funnel-intro = Идём от плана выручки: сколько для него нужно клиентов, сколько лидов для этого нужно воронке и сколько лидов в месяц должен получать каждый менеджер.
funnel-revenue-goal = План выручки
funnel-deal-size = Средний чек
funnel-reps = Менеджеров по продажам
funnel-months = За месяцев
funnel-stages = Конверсия между этапами
funnel-stage-connect = MQL → дозвон
funnel-stage-discovery = Дозвон → квалификация
funnel-stage-demo = Квалификация → демо
funnel-stage-won = Демо → клиент
funnel-compute = Рассчитать
funnel-result = Для { $customers } сделок за период команде нужно около { $mqls } MQL в месяц: { $perRep } на менеджера.
funnel-overall = Общая конверсия из MQL в клиента { $percent }%: { $perDeal } MQL на одну сделку.
funnel-stage = Этап
funnel-entering = Входит в месяц
funnel-moving-on = Переходит дальше
funnel-with-capacity = Проверить и нагрузку на продажи
funnel-with-capacity-hint = Сколько менеджеров нужно, чтобы связаться с каждым лидом в установленный срок.
funnel-capacity = Как продажи работают с лидами
funnel-response-target = Первый контакт в течение
funnel-attempts = Попыток на лид
funnel-minutes-per-attempt = Минут на попытку
funnel-rep-hours = Часов менеджера в месяц на лиды
funnel-workdays = Рабочих дней в месяц
funnel-hours-per-day = Рабочих часов в день
funnel-after-hours = Лиды в нерабочее время
funnel-capacity-result = Обработка этих лидов занимает { $hours } человеко-часов в месяц: нужно менеджеров — { $reps }, из них каждое утро на первом контакте — { $duty }.
funnel-reps-short = { $count ->
    [one] Команде не хватает { $count } менеджера: смягчите срок первого контакта или запланируйте найм до подписания.
   *[other] Команде не хватает { $count } менеджеров: смягчите срок первого контакта или запланируйте найм до подписания.
}
funnel-applied-new = Добавлена метрика объёма MQL с целью { $target } на менеджера в месяц.
funnel-applied-changed = Цель по MQL изменена с { $before } на { $target } на менеджера в месяц.
funnel-show-target = Показать цель
funnel-apply = Записать цель по MQL: { $perRep } на менеджера
funnel-applied = Цель метрики объёма MQL теперь равна этому числу.

kind-volume = Сколько (объём)
kind-quality = Насколько хорошо (качество)
kind-speed = Как быстро (скорость)
kind-reliability = Насколько надёжно (надёжность)
unit-count = Штуки
unit-percent = Проценты
unit-minutes = Минуты
unit-hours = Часы
unit-business-hours = Рабочие часы
unit-days = Дни
unit-money = Деньги
unit-short-count = { "" }
unit-short-percent = %
unit-short-minutes = мин
unit-short-hours = ч
unit-short-business-hours = раб. ч
unit-short-days = дн.
unit-short-money = ден. ед.
comparator-at-least = Не меньше
comparator-at-most = Не больше
comparator-exactly = Ровно
window-day = День
window-week = Неделя
window-month = Месяц
window-quarter = Квартал
window-year = Год
window-per-day = в день
window-per-week = в неделю
window-per-month = в месяц
window-per-quarter = в квартал
window-per-year = в год
collection-automatic = Автоматически, системой
collection-manual = Вручную

## Шаг 3: мониторинг и отчётность

monitoring-data = Данные
monitoring-suggest = Предложить текст
monitoring-collection = Как собираются данные
monitoring-collection-hint = Системы, выгрузки, кто что вносит.
monitoring-processing = Как обрабатываются данные
monitoring-processing-hint = Удаление дублей, исключения, дашборды.
monitoring-reports = Отчёты
monitoring-reports-intro = Что готовится, кем и как часто.
monitoring-report-name = Отчёт
monitoring-report-owner = Кто готовит
monitoring-report-frequency = Как часто
monitoring-report-contents = Содержание
monitoring-add-report = Добавить отчёт
monitoring-review = Совместный разбор
monitoring-cadence = Как часто руководители разбирают цифры
monitoring-cadence-hint = Большинству команд подходит раз в месяц; пока соглашение новое — раз в неделю.
monitoring-reviewers = Кто участвует
monitoring-reviewers-hint = Должности или имена.
monitoring-reviewer = Участник
monitoring-reviewer-placeholder = Директор по продажам
monitoring-add-reviewer = Добавить участника
cadence-daily = Ежедневно
cadence-weekly = Еженедельно
cadence-biweekly = Раз в две недели
cadence-monthly = Ежемесячно
cadence-quarterly = Ежеквартально
cadence-not-agreed = Пока не согласовано

## Шаг 4: сроки

deadlines-time = Как считается время
deadlines-basis = Сроки считаются
basis-business-hours = В рабочих часах
basis-business-hours-hint = Только рабочее время по календарю ниже: лид, пришедший в пятницу в 17:30, обрабатывается в понедельник утром.
basis-calendar = В календарном времени
basis-calendar-hint = Круглосуточно, без выходных.
deadlines-calendar = Рабочий календарь
deadlines-timezone = Часовой пояс
deadlines-day-start = Начало рабочего дня
deadlines-day-end = Конец рабочего дня
deadlines-workdays = Рабочие дни
deadlines-holidays = Праздники
deadlines-holidays-hint = Нерабочие дни помимо выходных.
deadlines-holiday = Праздник
deadlines-add-holiday = Добавить праздник
deadlines-rules = Сроки реакции и решения
deadlines-rules-intro = По категории лида (как быстро продажи связываются и принимают решение) или по серьёзности проблемы (как быстро её признают и устраняют).
deadlines-category = Относится к
deadlines-applies-tier = Категория лида
deadlines-applies-severity = Серьёзность проблемы
deadlines-tier-placeholder = Категория A: запрос демо или цены
deadlines-severity-placeholder = Сломалась маршрутизация лидов
deadlines-owner = Кто должен действовать
deadlines-first-contact = Первый контакт в течение
deadlines-decision = Решение в течение
deadlines-response = Реакция в течение
deadlines-resolution = Решение в течение
deadlines-add-rule = Добавить срок
deadline-unit = Единица
deadline-empty-hint = Оставьте пустым, если срока нет.
category-lead-tier = Категория лида
category-issue-severity = Серьёзность проблемы
duration-unit-minutes = минуты
duration-unit-hours = часы
duration-unit-days = дни

## Шаг 5: последствия

consequences-escalation = Лестница эскалации
consequences-escalation-intro = Кого и в каком порядке извещают, когда обязательство не выполнено.
consequences-level = Уровень { $n }
consequences-trigger = Когда
consequences-trigger-placeholder = Метрика не достигает цели две недели подряд
consequences-escalate-to = Кому эскалировать
consequences-after-days = Через
consequences-days = дн.
consequences-action = Что делают
consequences-add-level = Добавить уровень
consequences-remedies = Меры
consequences-remedies-intro = Что делается, если обязательство не выполнено: возврат или переназначение лидов, совместный разбор, пересмотренный план.
consequences-scope = Относится к
consequences-remedy-action = Что делается
consequences-add-remedy = Добавить меру
consequences-adjustments = Корректировки премии или бюджета
consequences-adjustments-intro = Многие компании обходятся без них. Если они нужны, привяжите их к уровню выполнения и ограничьте сверху.
consequences-adjustment-kind = Корректирует
consequences-tiers = Уровни
consequences-tier = Уровень
consequences-tier-below = Если выполнение ниже
consequences-tier-adjustment = Корректировка
consequences-add-tier = Добавить уровень
consequences-cap-month = Не более за месяц
consequences-cap-year = Не более за год
consequences-add-adjustment = Добавить корректировку
consequences-notes = Прочие условия
consequences-notes-label = Определения, исключения, всё остальное, о чём договорились
consequences-notes-hint = Печатается после последствий.
adjustment-kind-bonus = Премия
adjustment-kind-budget = Бюджет
scope-agreement = Всё соглашение
scope-commitment = Услуга: { $name }
scope-metric = Метрика: { $name }
scope-missing = { $kind ->
    [commitment] Услуга
   *[metric] Метрика
} «{ $id }» (нет в соглашении)
consequences-step-scope = Следит за
trigger-fires-when = Срабатывает, когда
trigger-condition-none = Не измеряется
trigger-condition-missed_in_a_row = N промахов подряд
trigger-condition-achieved_below = Ниже P % от цели
trigger-periods = Промахов (N)
trigger-percent = От цели (P)
trigger-percent-suffix = %
trigger-guidance-none = При разборе нельзя определить, когда это применяется: слова печатаются, но само условие никогда не срабатывает. Выберите условие, которое видно по цифрам.
trigger-guidance-missed_in_a_row = Один промах — случайность, два подряд — закономерность: начинайте лестницу с 2, а каждому следующему уровню давайте на период больше. Период — месяц разбора.
trigger-guidance-achieved_below = Ниже 80 % от цели — настоящее отставание, а не округление: по такому уровню стоит действовать сразу.
# Описание, которое мастер пишет на языке соглашения, пока поле «Когда» оставлено ему.
trigger-text-missed = { $periods ->
    [1] Цель не достигнута за период
    [one] Цель не достигнута { $periods } период подряд
    [few] Цель не достигнута { $periods } периода подряд
   *[many] Цель не достигнута { $periods } периодов подряд
}
trigger-text-below = Выполнение ниже { $percent } % от цели

## Шаг 6: проверка

review-findings = Что исправить
review-check-again = Проверить снова
review-check-failed = Проверка не запустилась: { $reason }
review-no-findings = Исправлять нечего: соглашение соответствует всем известным проверкам правилам.
review-count-error = { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
   *[many] { $count } ошибок
}
review-count-warning = { $count ->
    [one] { $count } предупреждение
    [few] { $count } предупреждения
   *[many] { $count } предупреждений
}
review-count-info = { $count ->
    [one] { $count } заметка
    [few] { $count } заметки
   *[many] { $count } заметок
}
severity-error = Ошибка
severity-warning = Предупреждение
severity-info = Заметка
review-go-to = Исправить в шаге «{ $step }»
review-between = Между отделами «{ $marketing }» и «{ $sales }»
review-term = с { $start } на { $months } мес.
review-business-hours = Рабочие часы: { $days }, { $start }–{ $end } ({ $zone }).
review-after-days = через { $days } дн.
review-tier = ниже { $below }%: { $change }%
review-caps = не более { $month }% в месяц и { $year }% в год
renewal-none = Заканчивается со сроком
renewal-automatic = Продлевается автоматически, если ни один руководитель не возразит
renewal-by-agreement = Продлевается, когда оба руководителя подпишут продление

## Шаг 7: подписание и экспорт

signoff-signatories = Подписанты
signoff-signatories-intro = Минимум по одному от каждой стороны; при желании добавьте генерального директора.
signoff-from-heads = Заполнить по руководителям
signoff-side = Подписывает за
signoff-add = Подписант за «{ $side }»
signoff-export = Экспорт в PDF
signoff-export-intro = PDF — документ, который подписанты читают и подписывают. Выгружается последняя сохранённая версия; внутри PDF вложена копия соглашения в виде данных.
signoff-has-errors = { $count ->
    [one] Проверка нашла { $count } ошибку: пока она не исправлена, на каждой странице PDF стоит отметка «ЧЕРНОВИК». См. шаг «Проверка».
    [few] Проверка нашла { $count } ошибки: пока они не исправлены, на каждой странице PDF стоит отметка «ЧЕРНОВИК». См. шаг «Проверка».
   *[many] Проверка нашла { $count } ошибок: пока они не исправлены, на каждой странице PDF стоит отметка «ЧЕРНОВИК». См. шаг «Проверка».
}
signoff-draft-mark = Страницы помечены «ЧЕРНОВИК», потому что проверка нашла ошибки; исправьте их на шаге «Проверка» и выгрузите PDF заново перед подписанием.
signoff-pdf-language = Язык PDF
signoff-export-button = Экспортировать PDF…
signoff-exporting = Экспорт…
signoff-pdf-filter = Документ PDF
signoff-exported = Сохранено: { $path } ({ $size } КБ).
signoff-open-failed = PDF сохранён, но открыть его не удалось: { $reason }
signing-title = Подписание
signing-step-export = Экспортируйте PDF выше: он появится здесь, готовый к подписи.
signing-step-sign = Подпишите его своей электронной подписью: видимая подпись в вашем блоке и электронная, которая ломается при любом изменении файла.
signing-step-send = Отправьте подписанный PDF второму руководителю: он откроет его в SLA Studio (или любой программе для PDF) и подпишет со своей стороны.
signing-choose-pdf = Открыть PDF…
signing-view-title = Проверка и подписание
signing-view-intro = Откройте PDF соглашения, чтобы увидеть, кто его подписал и менялся ли он с тех пор, и подписать его.
signing-import-as-draft = Создать из него черновик
signing-version-signed = Версию { $version } этого соглашения подписали: { $names } ({ $when }).
signing-frozen = Версия { $version } подписана ({ $names }) и заморожена: любое изменение станет дополнением, которое нужно снова экспортировать и подписать.
signing-amendment = Дополнение: версию { $signed } подписали { $names }; с тех пор черновик изменился (версия { $current }). Экспортируйте и подпишите его заново.
wizard-open-reviews = Ежемесячные разборы
signing-open-viewer = Открыть в программе для PDF
signing-saved = Подписанная копия сохранена: { $path }
signing-all-fields-signed = Все подписанты подписали.
signing-no-fields = В этом PDF нет полей для подписи: он создан не в SLA Studio или в нём нет подписантов.
signing-unknown-signer = Подписант неизвестен
signing-valid = Действительна
signing-invalid = Недействительна
signing-trusted = Доверенная
signing-self-signed = Самоподписанный сертификат
signing-not-trusted = Нет доверия
signing-role = Должность
signing-email = Эл. почта
signing-time = Подписано
signing-certificate = Сертификат
signing-certificate-issued = Выдан: { $issuer }, действует { $from } – { $to }
signing-waiting-for = Ещё не подписали: { $names }
signing-identities = Электронные подписи
signing-identities-intro = Ключ подписи и его сертификат хранятся на этом компьютере, зашифрованные вашей парольной фразой. Передайте свой сертификат второму руководителю, чтобы его SLA Studio показывала вашу подпись как доверенную.
signing-identities-empty = Электронной подписи пока нет. Создайте её или импортируйте файл .p12/.pfx, выданный компанией.
signing-identity-new = Новая подпись
signing-identity-import = Импорт .p12/.pfx…
signing-identity-create = Создать подпись
signing-identity-import-button = Импортировать
signing-identity-added = Электронная подпись для { $name } готова.
signing-identity-deleted = Электронная подпись { $name } удалена.
signing-name = Фамилия и имя
signing-department = Отдел
signing-organization = Компания
signing-key = Ключ
signing-key-rsa = любая программа
signing-key-p256 = компактнее
signing-passphrase = Парольная фраза
signing-passphrase-repeat = Повторите парольную фразу
signing-passphrase-hint = Нужна при подписании, если её не запомнила системная связка ключей. Восстановить её нельзя: без неё подписать не получится.
signing-passphrase-mismatch = Парольные фразы не совпадают.
signing-remember = Запомнить парольную фразу в системной связке ключей
signing-remembered = Парольная фраза запомнена
signing-remembered-hint = Системная связка ключей помнит эту парольную фразу: оставьте поле пустым, чтобы использовать её, или введите фразу, чтобы использовать введённую.
signing-forget = Забыть
signing-forgotten = Парольная фраза { $name } больше не хранится.
signing-no-keychain = На этом компьютере нет системной связки ключей, поэтому парольную фразу нельзя запомнить: вводите её при каждом подписании.
signing-import-file = Импорт { $path }. Введите парольную фразу, с которой файл выдан.
signing-p12-filter = Электронная подпись (PKCS#12)
signing-certificate-filter = Сертификат
signing-certificate-exported = Сертификат сохранён: { $path }
signing-export-certificate = Сохранить сертификат…
signing-delete = Удалить
signing-delete-confirm = Удалить эту подпись навсегда? Подписанные ею PDF останутся действительными.
signing-cancel = Отмена
signing-valid-until = действует до { $date }
signing-issued-by = выдан: { $issuer }
signing-trusted-title = Доверенные сертификаты
signing-trusted-intro = Подпись с сертификатом, которому вы доверяете (сертификат коллеги, полученный от него напрямую, или корневой сертификат компании), показывается как доверенная; остальные доказывают только, что файл не изменён.
signing-trust-add = Доверять сертификату…
signing-trusted-added = Теперь доверенные: { $names }
signing-untrust = Не доверять
signing-sign-title = Подписать
signing-countersign-title = Подписать со своей стороны
signing-as = Подписать как
signing-field = Блок подписи
signing-page = стр. { $page }
signing-other-person = Этот блок предназначен для: { $signatory }, а вы подписываете как { $name }.
signing-kind = Подпись
signing-kind-typed = Текстом
signing-kind-drawn = От руки
signing-typed = Подпись текстом
signing-draw-label = Распишитесь здесь
signing-draw-hint = Мышью, пером или пальцем.
signing-draw-clear = Стереть
signing-draw-empty = Сначала распишитесь или выберите подпись текстом.
signing-sign-button = Подписать и сохранить как…
signing-signing = Подписание…
signing-sign-note = Подписанная копия — новый файл; открытый PDF остаётся как был.
home-signatures-intro = Откройте PDF, чтобы проверить подписи или подписать его со своей стороны.
home-signatures-open = Проверить или подписать PDF…
history-note-created = создана из шаблона { $template }
history-note-imported = импортирована из { $file }
history-note-restored = восстановлена из версии { $version }
history-note-copied = копия черновика { $draft }
history-note-merged = слито предложение: { $name }
history-note-merged-file = слито предложение из { $file }
history-note-renamed = переименовано
history-exported = Выгружена в PDF
history-signed = Подписана

## Версии

history-title = Версии
history-intro = Правки, сделанные с промежутком в пару минут, складываются в одну версию; выгруженная в PDF или подписанная версия больше не меняется. Восстановленная версия становится самой новой; более поздние остаются в списке.
history-version = Версия { $version }
history-current = Текущая
history-restore = Восстановить
history-restored = Версия { $version } восстановлена как версия { $now }.
history-compare-pick = сравнить
history-compare-hint = Отметьте две версии, чтобы сравнить их
history-compare = Сравнить версию { $from } с { $to }
history-compared = { $count ->
    [0] Версии { $from } и { $to } не различаются
    [one] От версии { $from } к { $to }: { $count } изменение
    [few] От версии { $from } к { $to }: { $count } изменения
   *[other] От версии { $from } к { $to }: { $count } изменений
}

## Списки и поля

list-item = Элемент
list-numbered = { $label } { $n }
list-remove-numbered = Удалить: { $label } { $n }
list-removed = Удалено: «{ $what }».
list-move-up = Поднять уровень { $n }
list-move-down = Опустить уровень { $n }
field-not-a-number = Введите число, например 12 или 0,5.
field-number-required = Введите число.
field-whole-number = Введите целое число.
field-number-min = Введите не меньше { $min }.
field-number-max = Введите не больше { $max }.
field-date-invalid = Введите полную дату.

## Значения по умолчанию, которые пишутся в соглашение на его языке

default-service-marketing = Маркетинговые лиды (MQL)
default-service-sales = Обработка лидов и обратная связь
default-data-source = Отчёт CRM
default-report-name = Дашборд SLA
default-report-owner = Отдел RevOps
default-escalate-head = Руководитель другого отдела
default-escalate-ceo = Генеральный директор
default-data-collection = Все цифры берутся из CRM: история статусов лидов и журнал активностей. Вручную цифры никто не вносит.
default-data-processing = Отдел RevOps удаляет дубли и тестовые лиды и публикует общий дашборд, который обновляется ежедневно.

about-open = О программе
about-version = Версия
about-publisher = Издатель
about-data-dir = Черновики и ключи подписи хранятся в папке
about-note = Чтобы сделать резервную копию черновиков и ключей подписи, скопируйте эту папку, закрыв программу.
about-close = Закрыть

## Пока окно редактировало, новую версию сохранили в другом месте

save-conflict = Не сохранено: изменено в другом месте
conflict-title = Этот черновик изменили в другом окне
# $note: почему появилась другая версия, если это не обычное сохранение («импорт из файла»).
conflict-explain = Пока вы редактировали, другое окно SLA Studio или командная строка сохранили версию { $version } ({ $time }{ $note ->
    [none] {""}
   *[other] , { $note }
}). Ваши изменения здесь ещё не сохранены, и автосохранение ждёт вашего выбора. Ни одна из версий не пропадёт.
conflict-loading = Загрузка версии { $version }…
conflict-differences = Что отличается
conflict-field = Поле
conflict-mine = Ваше, ещё не сохранено
conflict-theirs = Версия { $version }, сохранена в другом месте
conflict-missing = (нет)
conflict-empty = (пусто)
conflict-same = Ваши изменения и версия { $version } теперь совпадают.
conflict-more = …и ещё { $count } { $count ->
    [one] поле
    [few] поля
   *[many] полей
}
conflict-keep-mine = Оставить моё
conflict-keep-mine-hint = Ваши изменения сохранятся как версия { $next } поверх версии { $version }; версия { $version } останется в списке версий.
conflict-take-theirs = Взять версию { $version }
conflict-take-theirs-hint = Здесь откроется версия { $version }. Несохранённые изменения в этом окне будут отброшены: кнопка «Отменить» вернёт их в течение нескольких секунд, потом они пропадут.
conflict-kept = Ваши изменения сохранены как версия { $version }; версия { $other } осталась в списке версий.
conflict-took = Открыта версия { $version }. Несохранённые изменения отброшены.
conflict-undo = Отменить
conflict-stay = Этот черновик изменили в другом месте: сначала выберите «Оставить моё» или «Взять версию», чтобы не потерять изменения.

# Экран восстановления: база черновиков повреждена или не открывается.
recovery-title = База черновиков повреждена
recovery-intro = SLA Studio нашла повреждение в файле, где хранятся ваши черновики (сбой диска или синхронизации, а не ваши действия). С тех пор программа в него не писала: файл отложен в сторону, ничего из него не удалено. Выберите, как продолжить.
recovery-moved = Повреждённый файл теперь здесь: { $path }.
recovery-technical = Что нашла SQLite
recovery-backup-title = Последняя исправная резервная копия
recovery-backup-when = Сделана { $when }
recovery-backup-drafts = { $count ->
    [one] { $count } соглашение
    [few] { $count } соглашения
   *[many] { $count } соглашений
}
recovery-backup-more = и ещё { $count }
recovery-no-backup = Резервных копий пока нет.
recovery-size-kb = { $size } КБ
recovery-size-mb = { $size } МБ
recovery-salvaged-title = Прочитано из повреждённого файла
recovery-salvaged-intro = Эти соглашения удалось прочитать, каждое в последней читаемой версии. Отмеченные добавятся как новые черновики; помеченных «новее копии» в резервной копии нет.
recovery-nothing-salvaged = Из повреждённого файла ничего прочитать не удалось.
recovery-newer = новее копии
recovery-in-trash = было в корзине
recovery-salvaged-files = Они также сохранены файлами соглашений в папке { $path }.
recovery-problems = { $count ->
    [one] Не прочитана { $count } часть
    [few] Не прочитаны { $count } части
   *[many] Не прочитано { $count } частей
}
recovery-restore = Восстановить эту копию
recovery-restore-and-import = { $count ->
    [one] Восстановить копию и добавить { $count } соглашение
    [few] Восстановить копию и добавить { $count } соглашения
   *[many] Восстановить копию и добавить { $count } соглашений
}
recovery-new = Начать с пустого списка
recovery-new-and-import = { $count ->
    [one] Начать новый список с { $count } соглашением
   *[other] Начать новый список с { $count } соглашениями
}
recovery-done-restored = Копия восстановлена: соглашений — { $drafts }, из них прочитано из повреждённого файла — { $imported }.
recovery-done-new = Начат новый список черновиков; из повреждённого файла добавлено соглашений: { $imported }.
recovery-kept-open = Открытое соглашение «{ $title }» сохранено как новый черновик.
recovery-unavailable-title = Черновики не открываются
recovery-unavailable-intro = SLA Studio не смогла открыть файл с вашими черновиками и оставила его как есть. Ничего не изменено.
recovery-unavailable-folder = Черновики хранятся в папке { $path }.

# Закрытие окна, когда правки не удаётся сохранить.
close-title = Последние правки не сохранены
close-text = { $reason } Они есть только в этом окне: если закрыть его сейчас, они пропадут.
close-reason-conflict = Другое окно или командная строка сохранили более новую версию этого соглашения; сначала выберите, какую оставить.
close-reason-disk-full = Диск заполнен.
close-reason-read-only = Папка с данными доступна только для чтения.
close-reason-unknown = База черновиков их не приняла.
close-stay = Не закрывать окно
close-anyway = Закрыть и потерять правки

## Согласование: файл для другого руководителя и файл от него
home-exchange-heading = Файл от другого руководителя
home-exchange-intro = Откройте присланное соглашение (.sla.json или его PDF): новая версия одного из ваших черновиков сравнивается с ним по изменениям.
home-exchange-open = Открыть файл…
home-exchange-filter = Соглашения SLA Studio
signoff-send = Отправить другому руководителю
signoff-send-intro = Сохраните соглашение в файл для другого руководителя. В файле указано, из какой версии он сделан, поэтому ответ вернётся в виде изменений, которые вы примете или отклоните; комментарии тоже в нём. Это не документ для подписи.
signoff-send-from = Я руковожу
signoff-send-button = Сохранить для другого руководителя…
signoff-send-filter = Соглашение SLA Studio
signoff-sent = Сохранено: { $path }. Отправьте файл другому руководителю; его ответ откройте на начальном экране.
proposal-title = Предложенные изменения
proposal-title-from = Изменения, предложенные { $name }
proposal-for-draft = К вашему черновику «{ $title }».
proposal-base-found = Сравнение от версии { $version }, последней общей у вас обоих: показано только то, что изменило предложение, а ваши правки с тех пор сохраняются.
proposal-base-unknown = Предложение сделано из версии, которой на этом компьютере никогда не было, поэтому оно сравнивается с вашей последней версией напрямую: каждое различие показано как предложенное изменение, включая ваши собственные правки, которых в нём нет.
proposal-base-not-named = В файле не сказано, из какой версии он сделан, поэтому он сравнивается с вашей последней версией напрямую: каждое различие показано как предложенное изменение, включая ваши собственные правки, которых в нём нет.
proposal-counts = { $changes ->
    [one] { $changes } изменение
    [few] { $changes } изменения
   *[other] { $changes } изменений
}, { $conflicts ->
    [one] { $conflicts } конфликт
    [few] { $conflicts } конфликта
   *[other] { $conflicts } конфликтов
}, { $comments ->
    [one] { $comments } новый комментарий
    [few] { $comments } новых комментария
   *[other] { $comments } новых комментариев
}
proposal-accept-all = Принять все
proposal-reject-all = Отклонить все
proposal-accept = Принять
proposal-reject = Отклонить
proposal-yours = Ваше
proposal-theirs = Их
proposal-theirs-named = { $name }
proposal-neither = Ни то, ни другое: оставить как было
proposal-nothing = Файл говорит то же, что ваш черновик; решать нечего.
proposal-undecided = { $count ->
    [one] Чтобы слить, выберите сторону в { $count } конфликте.
   *[other] Чтобы слить, выберите сторону в { $count } конфликтах.
}
proposal-merge = { $accepted ->
    [0] Слить
    [one] Слить { $accepted } изменение
    [few] Слить { $accepted } изменения
   *[other] Слить { $accepted } изменений
}
proposal-separate = Сохранить отдельным черновиком
proposal-cancel = Отмена
proposal-merged = Слито как версия { $version }: принято { $accepted }, отклонено { $rejected }.
proposal-draft-changed = Ваш черновик сохранялся после этого сравнения: откройте файл ещё раз, чтобы сравнить его с последней версией.

## Комментарии к пунктам
comments-title = Комментарии
comments-button-open = { $count ->
    [one] Комментарии ({ $count } открыт)
   *[other] Комментарии (открыто: { $count })
}
comments-intro = Вопрос или возражение по пункту для другого руководителя: он получит его в файле, который вы для него сохраните; в PDF соглашения комментарии не попадают.
comments-as = Пишет
comments-as-side = { $name } ({ $side })
comments-new-on = Новый комментарий к полю «{ $field }»
comments-pick-field = Щёлкните в поле соглашения, затем напишите здесь комментарий к нему.
comments-add = Комментировать
comments-none = Комментариев пока нет.
comments-removed-field = пункт, который с тех пор удалён
comments-no-field = Этого поля в соглашении больше нет; щёлкните в другом.
comments-resolved = Решено
comments-reply = Ответить…
comments-send = Ответить
comments-resolve = Отметить решённым
comments-reopen = Открыть снова
comments-on-field = { $count ->
    [one] { $count } комментарий
    [few] { $count } комментария
   *[other] { $count } комментариев
}
proposal-comments = Их комментарии
proposal-comments-kept = Комментарии сохраняются при любом решении по изменениям; ответить на них можно в мастере после слияния.
home-open-comments = { $count ->
    [one] { $count } открытый комментарий
    [few] { $count } открытых комментария
   *[other] { $count } открытых комментариев
}
home-proposal-waiting = Ждут предложенные изменения
home-proposal-open = Сравнить

# The plan
plan-title = На чём основаны цели
plan-intro = Проверки сравнивают цели с этими цифрами. Статья требует разумных и достижимых целей (правило 5 выбора метрик): план по лидам достижим, только если у команды хватает часов обработать каждый лид, а воронка М. Роберджа в HubSpot по этапам пересчитывает сделки, которые нужны продажам, в лиды, которые должен дать маркетинг. Все цифры необязательны; каждая указанная помогает проверкам отличить цель, которую не выполнит ни одна команда, от достижимой.
plan-start = Описать команду и воронку
plan-team = Кто работает с лидами
plan-sales-reps = Менеджеров по продажам
plan-sales-reps-hint = SDR, операторы колл-центра или менеджеры по партнёрам, которые обрабатывают эти лиды.
plan-rep-hours = Часов в месяц у каждого на лиды
plan-rep-hours-hint = Сколько остаётся после встреч, демонстраций и отчётов.
plan-attempts = Попыток связаться с лидом
plan-attempts-hint = Прежде чем лид вернётся в маркетинг; SLA HubSpot требует 5.
plan-minutes-per-attempt = Минут на попытку
plan-minutes-per-attempt-hint = Вместе с записью в CRM.
plan-after-hours = Лиды в нерабочее время
plan-after-hours-hint = Они ждут следующего рабочего дня, а утром им всем сразу нужен первый контакт.
plan-leads = Лиды
plan-lead-volume = Метрика, которая считает лиды
plan-lead-volume-hint = Её цель сравнивается с часами, которые есть у команды.
plan-lead-volume-none = Нет
plan-metric-unsuitable = { $name } (не подходит)
plan-per-rep = Цель — на одного менеджера
plan-per-rep-hint = Как «MQL на менеджера в месяц» у HubSpot; не отмечайте, если цель на всю команду.
plan-funnel = Воронка: от лида до сделки
plan-funnel-hint = Доля лидов каждого этапа, которая переходит на следующий. Свяжите этап с процентной метрикой, которая его измеряет, чтобы план и цель не расходились.
plan-stage-name = Этап { $n }
plan-stage-rate = Переходит дальше
plan-stage-metric = Измеряется метрикой
plan-stage-metric-none = Без метрики
plan-stage-add = Добавить этап
plan-stage-remove = Удалить этап
plan-funnel-example = Взять воронку HubSpot
plan-funnel-overall = Клиентами становятся { $percent }% лидов; лидов на одну сделку — { $perDeal }.
plan-source = Откуда взяты цифры
plan-source-hint = Исследование, отраслевой ориентир или данные CRM за прошлый год — чтобы оба руководителя могли их проверить.
funnel-stage-numbered = Этап { $n }
