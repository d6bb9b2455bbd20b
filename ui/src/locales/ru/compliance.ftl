# The review's own words, given with its figures (sla-compliance): why a figure is missing and why a
# consequence of the agreement applies. Years are passed as text, so they are never grouped; a
# no-break space keeps "г." with its year.

compliance-missing-manual_entry = Этот показатель не берётся из выгрузки; введите значение за период вручную.
compliance-missing-leads_in_period = В выгрузке нет лидов, созданных в этом периоде.
compliance-missing-delivered_leads = В этом периоде в продажи не передано ни одного лида.
compliance-missing-owners = Ни у одного переданного лида не указан ответственный менеджер, делить не на кого; укажите столбец ответственного.
compliance-missing-first_contact_times = В выгрузке нет времени первого контакта; укажите его столбец.
compliance-missing-contacts = Ни с одним лидом, переданным в этом периоде, не связались.
compliance-missing-rejected_leads = В этом периоде не отклонено ни одного лида.
compliance-missing-attempt_counts = В выгрузке нет числа попыток связи; укажите его столбец.
compliance-missing-rejection_reasons = В выгрузке нет причин отказа; укажите их столбец.

# «Время до первого контакта»: цель не достигнута 2 периода подряд (с октября по ноябрь 2026 г.).
compliance-missed-in-a-row = «{ $metric }»: цель не достигнута { $count } { $count ->
    [one] период
    [few] периода
   *[many] периодов
  } подряд ({ $span }).
# «Доля принятых лидов»: в декабре 2026 г. достигнуто 71,4 % цели, ниже 80 %.
compliance-achieved-below = «{ $metric }»: в { $month } { $year }{"\u00A0"}г. достигнуто { $achieved } % цели, ниже { $threshold } %.

# Месяцы подряд: «ноябрь 2026 г.», «с октября по ноябрь 2026 г.», «с декабря 2026 г. по январь 2027 г.».
compliance-span-one-month = { $month } { $year }{"\u00A0"}г.
compliance-span-within-year = с { $first } по { $last } { $year }{"\u00A0"}г.
compliance-span-across-years = с { $first } { $first-year }{"\u00A0"}г. по { $last } { $last-year }{"\u00A0"}г.
