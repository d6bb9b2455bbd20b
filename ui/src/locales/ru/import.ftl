# Bringing a period's CRM export: preview, column mapping, period, what will be stored; figures entered by hand.

## The import panel

import-title = Данные за период
import-intro = Выберите выгрузку лидов из CRM (CSV или Excel) или перетащите файл в окно. Ничего не сохраняется, пока вы не подтвердите.
import-close = Закрыть загрузку
import-choose = Выбрать файл…
import-choose-another = Выбрать другой файл…
import-dialog-filter = Выгрузка из CRM (CSV, Excel)
import-drop-here = Отпустите выгрузку, чтобы прочитать её
import-reading = Читаем { $name }…
import-computing = Считаем период…
import-storing = Сохраняем период…

import-preview-title = Файл
import-file-rows =
    { $rows ->
        [one] { $name }: { $rows } строка
        [few] { $name }: { $rows } строки
       *[many] { $name }: { $rows } строк
    }
import-encoding-label = Кодировка
import-separator-label = Разделитель
import-encoding-utf8 = UTF-8
import-encoding-utf8-bom = UTF-8 (с меткой порядка байтов)
import-encoding-utf16-le = UTF-16 (little-endian)
import-encoding-utf16-be = UTF-16 (big-endian)
import-encoding-windows1251 = Windows-1251 (кириллица)
import-encoding-windows1252 = Windows-1252 (западноевропейская)
import-encoding-xlsx = Книга Excel (кодировку угадывать не нужно)
import-sheet-label = Лист
import-separator-semicolon = точка с запятой (;)
import-separator-comma = запятая (,)
import-separator-tab = табуляция
import-separator-other = «{ $separator }»
import-separator-sheet = «{ $sheet }»
import-sample-caption = Первые строки файла
import-read-error-title = С таким сопоставлением лиды пока не прочитать
import-read-error-hint = Исправьте столбцы ниже: показатели считаются, только когда читается каждый лид.

## Which column is what

import-mapping-title = Какой столбец что значит
import-origin-saved = Сохранено с прошлой загрузки по этому соглашению.
import-origin-guessed = Угадано по названиям столбцов: проверьте каждый.
import-origin-given = Как указано.
import-column-none = — нет —
import-column-choose = — выберите столбец —
import-required = обязательно
import-field-id = ID лида
import-field-created = Дата создания
import-field-owner = Ответственный (менеджер)
import-field-stage = Этап или статус
import-field-mql-date = Дата передачи в продажи (MQL)
import-field-accepted-date = Дата принятия продажами (SQL)
import-field-rejection-reason = Причина отказа
import-field-first-contact = Первый контакт
import-field-attempts = Попытки связаться
import-missing = Выберите столбец для поля «{ $field }»: без него не прочитать ни одного лида.
import-unknown = «{ $field }»: в этом файле нет столбца «{ $header }».
import-shared = Столбец «{ $header }» читается как { $fields }. Проверьте, так ли задумано.

import-guide-title = Зачем нужен каждый столбец
import-guide-id = Номер лида в CRM. По нему лиды различаются, поэтому лид, попавший в выгрузку дважды, считается один раз.
import-guide-created = Когда лид создан. По этой дате, в часовом поясе соглашения, лид относится к месяцу; она нужна каждому показателю.
import-guide-owner = Менеджер, отвечающий за лид. Нужен для показателей на менеджера, например принятых лидов на менеджера.
import-guide-stage = Этап или статус лида. Вместе со значениями этапов ниже он отличает переданные, принятые и отклонённые лиды: на нём держатся объём MQL, принятые лиды и доля принятых.
import-guide-mql-date = Когда маркетинг передал лид в продажи (в HubSpot — «Became a Marketing Qualified Lead Date»). Лид с датой в этом столбце считается переданным, какой бы ни был этап.
import-guide-accepted-date = Когда продажи приняли лид («Became a Sales Qualified Lead Date»). Лид с датой здесь считается принятым, если этап не говорит об отказе.
import-guide-rejection-reason = Почему продажи отказались от лида. Нужна для доли отказов с причиной: отказ без причины ничему не учит маркетинг.
import-guide-first-contact = Когда продажи впервые связались с лидом. Нужен показателям скорости реакции: медиане, 90-му процентилю и доле лидов, обработанных в срок.
import-guide-attempts = Сколько раз продажи пытались связаться с лидом. Нужно показателям попыток до возврата лида.

import-stages-title = Что значит каждый этап
import-stages-intro = Каждое значение столбца этапов и сколько у него лидов. Лиды с пометкой «другое» не считаются переданными.
import-stages-none = Выберите столбец этапов, чтобы отличить переданные, принятые и отклонённые лиды.
import-stages-loading = Читаем значения столбца…
import-stages-empty = В столбце нет значений.
import-stage-count =
    { $count ->
        [one] { $count } лид
        [few] { $count } лида
       *[many] { $count } лидов
    }
import-stage-delivered = Передан в продажи (MQL)
import-stage-accepted = Принят продажами
import-stage-rejected = Отклонён продажами
import-stage-other = Другое (не передан)

## The period and what will be stored

import-period-title = Период
import-period-label = Месяц для сохранения
import-period-option =
    { $leads ->
        [one] { $month }: { $leads } лид
        [few] { $month }: { $leads } лида
       *[many] { $month }: { $leads } лидов
    }
import-period-option-stored =
    { $leads ->
        [one] { $month }: { $leads } лид, уже загружен
        [few] { $month }: { $leads } лида, уже загружен
       *[many] { $month }: { $leads } лидов, уже загружен
    }
import-period-stored-note = За этот месяц уже есть показатели из выгрузки: прежде чем заменить их, вы увидите, что изменится.
import-period-none = Месяцы файла станут известны, когда его лиды прочитаются: выберите месяц, за который эта выгрузка.
import-period-term = { $month }
import-period-term-stored = { $month }, уже загружен
import-period-choose = — выберите месяц —
import-compute = Показать, что будет сохранено
import-stale = Сопоставление или месяц изменились: покажите ещё раз, что будет сохранено.

import-result-title = Что будет сохранено за { $month }
import-result-leads =
    { $leads ->
        [one] Учтён { $leads } лид, созданный в этом месяце.
        [few] Учтено { $leads } лида, созданных в этом месяце.
       *[many] Учтено { $leads } лидов, созданных в этом месяце.
    }
import-result-metric = Показатель
import-result-actual = Значение
import-result-target = Цель
import-result-status = Статус
import-status-met = выполнено
import-status-missed = не выполнено
import-status-no-data = нет данных
import-result-p90 = 90-й процентиль { $value }
import-no-figure = нет значения
import-result-fired-title = Что это запустит
import-result-fired-due = срок { $date }

import-changes-title = { $month } уже загружали
import-changes-intro = Эти показатели заменят сохранённые раньше (прежние останутся в истории). Что изменится:
import-changes-none = Показатели не меняются; период будет сохранён заново из этого файла.
import-change-before-after = { $before } → { $after }
import-changes-cancel-hint = «Отмена» оставит сохранённые раньше показатели.

import-confirm = Сохранить период
import-replace = Заменить сохранённые показатели
import-cancel = Отмена

## A figure entered by hand

figure-title = Ввести значение вручную
figure-intro = Для показателя, которого нет в выгрузке, или чтобы исправить значение. Оно сохраняется вместе с тем, кто его ввёл и почему, и период пересматривается.
figure-close = Закрыть форму
figure-metric = Показатель
figure-group-manual = Вводятся вручную
figure-group-export = Обычно из выгрузки
figure-period = Месяц
figure-value = Значение
figure-value-problem = Введите число, например 12,5.
figure-target = Цель: { $target }
figure-stored-now = Сейчас сохранено: { $value }
figure-by = Кто вводит
figure-by-problem = Укажите, кто вводит значение.
figure-note = Примечание: откуда значение
figure-note-placeholder = например, подсчитано по журналу звонков 3 февраля
figure-note-recommended = Примечание желательно: укажите источник, чтобы обоим руководителям можно было на него положиться.
figure-save = Сохранить значение
figure-saving = Сохраняем…
figure-cancel = Отмена
figure-no-metrics = В соглашении нет показателей, для которых можно ввести значение.
