//! Guesses of a mapping from header names, and of what stage values mean, in Russian and
//! English. A person sees and corrects the guess before anything is computed, so the rules aim at
//! the CRMs' own wording (amoCRM, Bitrix24, HubSpot, Salesforce) rather than at completeness.

use crate::{Mapping, StageClass, StageValue};

/// Header names, normalized (see [`normalize`]), most specific first. A header is taken for the
/// first field whose list names it; each header serves one field.
const ID: &[&str] = &[
    "id",
    "record id",
    "lead id",
    "contact id",
    "deal id",
    "id лида",
    "id сделки",
    "ид",
    "идентификатор",
];
const OWNER: &[&str] = &[
    "ответственный",
    "ответственный менеджер",
    "lead owner",
    "contact owner",
    "deal owner",
    "owner",
    "менеджер",
    "assigned to",
    "responsible",
];
const CREATED: &[&str] = &[
    "дата создания",
    "дата создания сделки",
    "дата создания лида",
    "create date",
    "created date",
    "created",
    "created at",
    "creation date",
    "date created",
    "создан",
    "создано",
];
const STAGE: &[&str] = &[
    "этап сделки",
    "этап",
    "стадия",
    "стадия сделки",
    "статус",
    "статус лида",
    "lead status",
    "status",
    "deal stage",
    "stage",
    "lifecycle stage",
];
const MQL_DATE: &[&str] = &[
    "became a marketing qualified lead date",
    "mql date",
    "date became mql",
    "дата mql",
];
const ACCEPTED_DATE: &[&str] = &[
    "became a sales qualified lead date",
    "sql date",
    "date became sql",
    "дата sql",
];
const REJECTION_REASON: &[&str] = &[
    "причина отказа",
    "причина отклонения",
    "причина закрытия",
    "unqualified reason",
    "disqualification reason",
    "rejection reason",
    "reason for rejection",
    "loss reason",
    "closed lost reason",
    "причина",
    "reason",
];
const FIRST_CONTACT: &[&str] = &[
    "дата первого контакта",
    "первый контакт",
    "время первого контакта",
    "дата первого звонка",
    "first response date/time",
    "first response date",
    "first response time",
    "first contact",
    "first contact date",
    "first contact date/time",
    "date of first contact",
    "first call date",
];
const ATTEMPTS: &[&str] = &[
    "number of times contacted",
    "contact attempts",
    "number of call attempts",
    "call attempts",
    "attempts",
    "количество попыток",
    "попыток связаться",
    "попытки связаться",
    "попытки",
    "количество звонков",
];

/// A header or value as compared: trimmed, lower case, `ё` as `е`, inner whitespace single
/// spaces, quotes and a byte-order mark removed.
pub(crate) fn normalize(text: &str) -> String {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{feff}');
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(if c == 'ё' { 'е' } else { c });
        }
    }
    out
}

/// A mapping guessed from the header names. `id` and `created` are empty when no header fits;
/// stage values are left empty (see [`guess_stage_class`]).
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let normalized: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    let mut taken = vec![false; headers.len()];
    let mut pick = |names: &[&str]| -> Option<String> {
        for name in names {
            if let Some(i) = (0..headers.len()).find(|&i| !taken[i] && normalized[i] == *name) {
                taken[i] = true;
                return Some(headers[i].trim().to_string());
            }
        }
        None
    };
    // The specific date columns first, so that "stage" never takes them.
    let mql_date = pick(MQL_DATE);
    let accepted_date = pick(ACCEPTED_DATE);
    let id = pick(ID);
    let created = pick(CREATED);
    let first_contact = pick(FIRST_CONTACT);
    let owner = pick(OWNER);
    let stage = pick(STAGE);
    let rejection_reason = pick(REJECTION_REASON);
    let attempts = pick(ATTEMPTS);
    // Headers worded otherwise ("Дата создания контакта", "Deal Owner Name"): by their words.
    let mut pick_containing = |any_of: &[&str], date_like: bool| -> Option<String> {
        let i = (0..headers.len()).find(|&i| {
            let is_date = ["дата", "date", "time", "время"]
                .iter()
                .any(|w| normalized[i].contains(w));
            !taken[i] && is_date == date_like && any_of.iter().any(|w| normalized[i].contains(w))
        })?;
        taken[i] = true;
        Some(headers[i].trim().to_string())
    };
    let created = created.or_else(|| pick_containing(&["создан", "create"], true));
    let owner = owner.or_else(|| pick_containing(&["ответствен", "owner", "менеджер"], false));
    let stage =
        stage.or_else(|| pick_containing(&["этап", "стади", "статус", "status", "stage"], false));
    Mapping {
        id: id.unwrap_or_default(),
        owner,
        created: created.unwrap_or_default(),
        stage,
        mql_values: Vec::new(),
        accepted_values: Vec::new(),
        rejected_values: Vec::new(),
        mql_date,
        accepted_date,
        rejection_reason,
        first_contact,
        attempts,
    }
}

/// Word stems, matched within the normalized value (with spaces around it, so that " new "
/// matches the word only). Checked in the order rejected, not-yet-worked, accepted, MQL: the
/// negated forms ("не обработан", "not converted", "unqualified") must win over the words they
/// contain.
const REJECTED_STEMS: &[&str] = &[
    "некачествен",
    "не качествен",
    "нецелев",
    "не целев",
    "отказ",
    "отклон",
    "дисквалиф",
    "не реализ",
    "нереализ",
    "брак",
    "спам",
    "дубл",
    "мусор",
    "unqualified",
    "disqualified",
    "not qualified",
    "not converted",
    "closed lost",
    "closed - lost",
    " lost ",
    " junk ",
    "reject",
    " bad ",
    "nurtur",
    "recycl",
    "spam",
    "duplicate",
];
const NOT_YET_WORKED_STEMS: &[&str] = &[
    "не обработан",
    "необработан",
    "неразобран",
    "не разобран",
    "not contacted",
    "not yet contacted",
];
const ACCEPTED_STEMS: &[&str] = &[
    " sql ",
    "sales qualified",
    "salesqualified",
    "sales accepted",
    " sal ",
    "принят",
    "в работе",
    "в работу",
    "обработан",
    "качествен",
    "сконверт",
    "конвертир",
    "первичный контакт",
    "переговор",
    "принимают решение",
    "согласован",
    "встреча",
    "успешно",
    "реализовано",
    "выигран",
    "working",
    "contacted",
    "connected",
    "attempt",
    "in progress",
    "opportunit",
    "customer",
    "converted",
    "closed won",
    "closed - won",
    " won ",
    "open deal",
];
const MQL_STEMS: &[&str] = &[
    " mql ",
    "marketing qualified",
    "marketingqualified",
    "квалифицир",
    "передан",
    "назначен",
    "новый",
    "новая",
    " new ",
    "open - not contacted",
    " qualified ",
];

/// What a stage or status value probably means; `None` for values before delivery (a raw
/// inquiry, a subscriber) or not recognised.
pub fn guess_stage_class(value: &str) -> Option<StageClass> {
    let padded = format!(" {} ", normalize(value).replace(['_', '-'], " "));
    let padded_with_dashes = format!(" {} ", normalize(value));
    let has = |stems: &[&str]| {
        stems
            .iter()
            .any(|stem| padded.contains(stem) || padded_with_dashes.contains(stem))
    };
    if has(REJECTED_STEMS) {
        Some(StageClass::Rejected)
    } else if has(NOT_YET_WORKED_STEMS) {
        Some(StageClass::Delivered)
    } else if has(ACCEPTED_STEMS) {
        Some(StageClass::Accepted)
    } else if has(MQL_STEMS) {
        Some(StageClass::Delivered)
    } else {
        None
    }
}

/// Each value with its guessed class, and the mapping's value lists filled from them.
pub fn guess_stage_values(
    mapping: &mut Mapping,
    values: impl IntoIterator<Item = (String, usize)>,
) -> Vec<StageValue> {
    let mut guessed: Vec<StageValue> = values
        .into_iter()
        .map(|(value, count)| StageValue {
            class: guess_stage_class(&value),
            value,
            count,
        })
        .collect();
    guessed.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    for value in &guessed {
        let list = match value.class {
            Some(StageClass::Delivered) => &mut mapping.mql_values,
            Some(StageClass::Accepted) => &mut mapping.accepted_values,
            Some(StageClass::Rejected) => &mut mapping.rejected_values,
            None => continue,
        };
        list.push(value.value.clone());
    }
    guessed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_values_of_the_four_crms() {
        use StageClass::{Accepted, Delivered, Rejected};
        let cases: &[(&str, Option<StageClass>)] = &[
            // amoCRM's default pipeline.
            ("Неразобранное", Some(Delivered)),
            ("Первичный контакт", Some(Accepted)),
            ("Переговоры", Some(Accepted)),
            ("Принимают решение", Some(Accepted)),
            ("Согласование договора", Some(Accepted)),
            ("Успешно реализовано", Some(Accepted)),
            ("Закрыто и не реализовано", Some(Rejected)),
            // Bitrix24 lead statuses.
            ("Не обработан", Some(Delivered)),
            ("В работе", Some(Accepted)),
            ("Обработан", Some(Accepted)),
            ("Качественный лид", Some(Accepted)),
            ("Сконвертирован", Some(Accepted)),
            ("Некачественный лид", Some(Rejected)),
            ("Квалифицирован", Some(Delivered)),
            ("Принят в работу", Some(Accepted)),
            // HubSpot.
            ("marketingqualifiedlead", Some(Delivered)),
            ("Marketing Qualified Lead", Some(Delivered)),
            ("salesqualifiedlead", Some(Accepted)),
            ("Opportunity", Some(Accepted)),
            ("subscriber", None),
            ("lead", None),
            ("NEW", Some(Delivered)),
            ("OPEN", None),
            ("IN_PROGRESS", Some(Accepted)),
            ("ATTEMPTED_TO_CONTACT", Some(Accepted)),
            ("UNQUALIFIED", Some(Rejected)),
            ("BAD_TIMING", Some(Rejected)),
            ("MQL", Some(Delivered)),
            ("SQL", Some(Accepted)),
            // Salesforce.
            ("Open - Not Contacted", Some(Delivered)),
            ("Working - Contacted", Some(Accepted)),
            ("Closed - Converted", Some(Accepted)),
            ("Closed - Not Converted", Some(Rejected)),
            ("Unqualified", Some(Rejected)),
            ("Nurturing", Some(Rejected)),
            ("Renewal", None),
        ];
        for (value, expected) in cases {
            assert_eq!(guess_stage_class(value), *expected, "{value}");
        }
    }
}
