namespace Rapport.Staffing.Engine;

/// <summary>The competency catalogue Rapport starts with (the organisation may add to it; it is data).</summary>
/// <remarks>
/// Each anchor describes something an interviewer or a document can show, so two raters reading the same CV or
/// interview land on the same number. ESCO skill URIs are left empty until they are checked against the ESCO release
/// in use: a wrong link would be worse than none.
/// </remarks>
public static class CompetencyCatalogue
{
    /// <summary>Every default competency, in display order: education, courses, how the person works with people, what they know and have done.</summary>
    public static IReadOnlyList<CompetencyDefinition> Default { get; } =
    [
        Define(Competencies.EducationLevel, T("Education level", "Степен на образование"),
            [
                T("Up to lower secondary education (ISCED 0–2).", "До основно образование (ISCED 0–2)."),
                T("Upper secondary or post-secondary non-tertiary education (ISCED 3–4).", "Средно или следсредно невисше образование (ISCED 3–4)."),
                T("Short-cycle tertiary education or a bachelor's degree (ISCED 5–6).", "Висше образование – кратък цикъл или бакалавър (ISCED 5–6)."),
                T("Master's degree (ISCED 7).", "Магистър (ISCED 7)."),
                T("Doctorate (ISCED 8).", "Доктор (ISCED 8)."),
            ],
            [
                T("A bachelor's or master's programme, part-time or by distance learning", "Бакалавърска или магистърска програма – задочно или дистанционно"),
            ]),
        Define(Competencies.BusinessEducation, T("Business education (economics, law, management)", "Бизнес образование (икономика, право, мениджмънт)"),
            [
                T("No education in economics, law or management.", "Няма образование по икономика, право или мениджмънт."),
                T("A vocational secondary school in economics or commerce, or single university subjects in the field.",
                    "Средно професионално училище по икономика или търговия или отделни университетски дисциплини в областта."),
                T("A degree in a neighbouring field (e.g. public administration, tourism) or an unfinished degree in economics, law or management.",
                    "Диплома от сродна област (напр. публична администрация, туризъм) или незавършено висше образование по икономика, право или мениджмънт."),
                T("A bachelor's degree in economics, law or management.", "Бакалавър по икономика, право или мениджмънт."),
                T("A master's degree or an MBA in economics, law or management.", "Магистър или MBA по икономика, право или мениджмънт."),
            ],
            [
                T("A part-time master's or MBA programme", "Задочна магистратура или MBA"),
                T("A university certificate course in business economics or commercial law", "Следдипломна квалификация по бизнес икономика или търговско право"),
            ]),
        Define(Competencies.EngineeringEducation, T("Engineering education", "Инженерно образование"),
            [
                T("No technical education.", "Няма техническо образование."),
                T("A technical secondary school (e.g. mechanical, electrical, metallurgy).", "Средно техническо училище (напр. машиностроене, електротехника, металургия)."),
                T("A degree in a neighbouring technical or natural-science field, or an unfinished engineering degree.",
                    "Диплома от сродна техническа или природонаучна област или незавършено инженерно образование."),
                T("A bachelor's degree in engineering.", "Бакалавър по инженерна специалност."),
                T("A master's degree in engineering in the company's field (e.g. metallurgy or materials science for rolled metal).",
                    "Магистър инженер в областта на компанията (напр. металургия или материалознание за металопрокат)."),
            ],
            [
                T("Technical product training by the company's engineers", "Техническо обучение за продуктите от инженерите на компанията"),
                T("A course in the field's materials and standards (e.g. steel grades under EN)", "Курс за материалите и стандартите в областта (напр. марки стомана по EN)"),
            ]),
        Define(Competencies.Courses, T("Courses in management, marketing, PR or rhetoric", "Курсове по мениджмънт, маркетинг, ПР или реторика"),
            [
                T("No course in management, marketing, PR or rhetoric.", "Няма курс по мениджмънт, маркетинг, ПР или реторика."),
                T("One short course (up to a day) or an online course without a certificate.", "Един кратък курс (до един ден) или онлайн курс без сертификат."),
                T("One or two courses of several days, with a certificate.", "Един или два многодневни курса със сертификат."),
                T("Several certified courses in at least two of the four areas.", "Няколко курса със сертификат в поне две от четирите области."),
                T("A completed programme (e.g. a year of marketing or sales) and puts it to use: can show campaigns, presentations or plans made with it.",
                    "Завършена програма (напр. едногодишна по маркетинг или продажби), която прилага: може да покаже кампании, презентации или планове, направени с нея."),
            ],
            [
                T("A public-speaking and presentation course", "Курс по публично говорене и презентиране"),
                T("A course in marketing or PR for business-to-business sales", "Курс по маркетинг или ПР за продажби на бизнес клиенти"),
            ]),
        Define(Competencies.AdvancedManagement, T("Advanced courses in effective business management", "Специализирани курсове по ефективно управление на бизнеса"),
            [
                T("No management training.", "Няма обучение по управление."),
                T("An introductory management course (e.g. time management, basics of finance).", "Въвеждащ курс по управление (напр. управление на времето, основи на финансите)."),
                T("A course of several days in business management (e.g. finance for non-financial managers, project management), with a certificate.",
                    "Многодневен курс по управление на бизнеса (напр. финанси за нефинансови мениджъри, управление на проекти) със сертификат."),
                T("An advanced programme of several modules over months in strategy, finance and leading people.",
                    "Програма за напреднали от няколко модула в продължение на месеци по стратегия, финанси и ръководене на хора."),
                T("An executive programme or MBA modules completed and used: has run a budget, a team or a turnaround we can check.",
                    "Завършена програма за ръководители или модули от MBA, приложени на практика: управлявал е бюджет, екип или преструктуриране, което можем да проверим."),
            ],
            [
                T("An advanced programme in business management (strategy, finance, people)", "Програма за напреднали по управление на бизнеса (стратегия, финанси, хора)"),
                T("Finance for non-financial managers", "Финанси за нефинансови мениджъри"),
            ]),
        Define(Competencies.Communication, T("Communication", "Комуникация"),
            [
                T("Answers are hard to follow; does not listen to the question.", "Отговорите му трудно се следват; не слуша въпроса."),
                T("Understandable, but rambles or misses what the other side asked.", "Разбира се, но се отклонява или пропуска какво е попитала другата страна."),
                T("Clear and polite; listens and answers the question asked.", "Говори ясно и учтиво; слуша и отговаря на зададения въпрос."),
                T("Adapts to the listener (a director, an engineer, a buyer), sums up and checks they were understood; writes clearly too.",
                    "Съобразява се със събеседника (директор, инженер, купувач), обобщава и проверява дали е разбран; пише също ясно."),
                T("Holds a difficult conversation (a complaint, bad news) calmly and the client wants to go on; colleagues hand such conversations to them.",
                    "Води спокойно труден разговор (рекламация, лоша новина) и клиентът иска да продължи; колегите му възлагат такива разговори."),
            ],
            [
                T("Shadowing a senior account manager in client meetings", "Участие в срещи с клиенти заедно с опитен мениджър на акаунти"),
                T("A course in business communication and active listening", "Курс по бизнес комуникация и активно слушане"),
            ]),
        Define(Competencies.Persuasion, T("Persuasion and negotiation", "Убеждаване и преговори"),
            [
                T("Has not persuaded anyone of anything we could check.", "Не е убедил никого в нещо, което можем да проверим."),
                T("Presents the offer but gives way at the first objection or on price.", "Представя офертата, но отстъпва при първото възражение или за цената."),
                T("Handles the usual objections; has closed simple deals at list price.", "Справя се с обичайните възражения; сключвал е прости сделки по ценова листа."),
                T("Negotiates terms (price, volume, delivery) and keeps the margin; can name deals won against a competitor.",
                    "Договаря условия (цена, обем, доставка) и запазва маржа; може да посочи сделки, спечелени срещу конкурент."),
                T("Leads complex negotiations with several decision-makers to a documented close; in the role-play, turned the interviewer's no into a yes with reasons.",
                    "Води сложни преговори с няколко лица, вземащи решения, до документирано сключване; в ролевата игра обърна „не“-то на интервюиращия в „да“ с аргументи."),
            ],
            [
                T("A negotiation course with role-plays", "Курс по преговори с ролеви игри"),
                T("Preparing and reviewing negotiations with a mentor", "Подготовка и разбор на преговорите с ментор"),
            ]),
        Define(Competencies.MotivationToEarn, T("Motivation to earn", "Мотивация за доходи"),
            [
                T("Prefers a fixed salary; commission does not interest them.", "Предпочита фиксирана заплата; комисионната не го интересува."),
                T("Accepts commission but cannot say what they would like to earn.", "Приема комисионна, но не може да каже колко би искал да печели."),
                T("Has a concrete earnings goal and knows how many deals it takes.", "Има конкретна цел за доходите си и знае колко сделки са нужни за нея."),
                T("Has earned a large part of their pay from results before and can show it (statements, targets met).",
                    "И преди е получавал голяма част от възнаграждението си от резултати и може да го покаже (фишове, изпълнени цели)."),
                T("Sets their own targets above the plan and has met them again and again; asks how the commission plan works before anything else.",
                    "Поставя си цели над плана и многократно ги е изпълнявал; пита първо как работи схемата за комисионни."),
            ],
            [
                T("A personal earnings goal and the deals it takes, reviewed every month", "Лична цел за доходите и нужните за нея сделки, с преглед всеки месец"),
                T("A compensation plan with a larger variable part", "Схема за възнаграждение с по-голяма променлива част"),
            ]),
        Define(Competencies.RelationshipBuilding, T("Relationship building", "Изграждане на отношения"),
            [
                T("No lasting business relationship we can see.", "Няма трайни бизнес отношения, които да видим."),
                T("Keeps in touch with a few contacts, mostly at one level (buyers).", "Поддържа връзка с няколко контакта, предимно на едно ниво (купувачи)."),
                T("Regular contact with several clients, including some decision-makers.", "Редовен контакт с няколко клиента, включително с някои лица, вземащи решения."),
                T("Warm relationships with decision-makers at several accounts, kept for more than a year.",
                    "Топли отношения с лица, вземащи решения, в няколко клиента, поддържани повече от година."),
                T("Trusted by decision-makers across many accounts: they call them first, introduce them to others and follow them to a new company.",
                    "Лицата, вземащи решения, в много клиенти му имат доверие: търсят първо него, представят го на други и го следват в нова компания."),
            ],
            [
                T("A relationship plan for each key account, reviewed every month", "План за отношенията с всеки ключов клиент с месечен преглед"),
                T("Joint client visits with a senior account manager", "Съвместни посещения при клиенти с опитен мениджър на акаунти"),
            ]),
        Define(Competencies.DomainKnowledge, T("Knowledge of the products and field", "Познаване на продуктите и областта"),
            [
                T("Does not know the company's products or field.", "Не познава продуктите и областта на компанията."),
                T("Knows the product range from the catalogue.", "Познава продуктовата гама от каталога."),
                T("Explains the main products, what they are used for and the main competitors.", "Обяснява основните продукти, за какво се използват и кои са основните конкуренти."),
                T("Advises a client on the choice (specifications, standards, alternatives) without help.", "Съветва клиента при избора (спецификации, стандарти, алтернативи) без чужда помощ."),
                T("Solves a client's technical problem with the product; colleagues come to them with questions.", "Решава технически проблем на клиента с продукта; колегите се допитват до него."),
            ],
            [
                T("Product training", "Обучение за продуктите"),
                T("A week in production or the warehouse with the technical team", "Седмица в производството или склада с техническия екип"),
                T("Client visits with the product manager", "Посещения при клиенти с продуктовия мениджър"),
            ]),
        Define(Competencies.SalesExperience, T("Sales experience", "Опит в продажбите"),
            [
                T("No sales experience.", "Няма опит в продажбите."),
                T("Under a year, or only supporting other people's deals.", "По-малко от година или само помощ по чужди сделки."),
                T("One to three years, with deals of their own closed.", "От една до три години, със собствени сключени сделки."),
                T("Three to five years, with a portfolio of accounts of their own.", "От три до пет години, със собствен портфейл от клиенти."),
                T("Over five years, with results we can check (targets met, deals documented).", "Над пет години, с резултати, които можем да проверим (изпълнени цели, документирани сделки)."),
            ],
            [
                T("Taking over a small portfolio of accounts with a mentor", "Поемане на малък портфейл от клиенти с ментор"),
                T("A course in sales methods", "Курс по техники на продажбите"),
            ]),
        Define(Competencies.SameFieldExperience, T("Sales experience in the company's field", "Опит в продажбите в областта на компанията"),
            [
                T("Has not sold in the company's field.", "Не е продавал в областта на компанията."),
                T("Under a year in the field, or sold a different product to the same clients.", "По-малко от година в областта или е продавал друг продукт на същите клиенти."),
                T("One to three years selling in the field.", "От една до три години продажби в областта."),
                T("Three to five years in the field; knows its clients and price levels.", "От три до пет години в областта; познава клиентите и нивата на цените."),
                T("Over five years in the field, with documented results; the field's buyers know them.", "Над пет години в областта, с документирани резултати; купувачите в бранша го познават."),
            ],
            [
                T("Product training and visits to the field's key clients with a senior colleague", "Обучение за продуктите и посещения при ключовите клиенти в бранша с опитен колега"),
                T("Trade fairs and industry association events", "Изложения и събития на браншовата организация"),
            ]),
        Define(Competencies.ClientBase, T("Client base of real relationships", "Клиентска база от реални отношения"),
            [
                T("No named decision-maker and no documented deal. (A list of company names alone gives no rating at all.)",
                    "Нито едно поименно посочено лице, вземащо решения, и нито една документирана сделка. (Само списък с имена на компании не дава оценка.)"),
                T("One named decision-maker, or one documented deal or confirmed reference.",
                    "Едно поименно посочено лице, вземащо решения, или една документирана сделка или потвърдена референция."),
                T("Two points: e.g. two named decision-makers, or one and a documented deal.",
                    "Две точки: напр. две поименно посочени лица, вземащи решения, или едно лице и една документирана сделка."),
                T("Three points: e.g. two named decision-makers and one documented deal or confirmed reference.",
                    "Три точки: напр. две поименно посочени лица, вземащи решения, и една документирана сделка или потвърдена референция."),
                T("Two or more named decision-makers and two or more documented deals or confirmed references (each counts up to 2 points).",
                    "Две или повече поименно посочени лица, вземащи решения, и две или повече документирани сделки или потвърдени референции (всяко носи до 2 точки)."),
            ],
            [
                T("Recording the decision-makers of each new client in Rapport", "Записване в Rapport на лицата, вземащи решения, при всеки нов клиент"),
                T("Asking satisfied clients to act as references", "Молба към доволни клиенти да дадат референция"),
            ]),
    ];

    private static LocalText T(string en, string bg) => new(en, bg);

    private static CompetencyDefinition Define(string code, LocalText name, LocalText[] anchors, LocalText[] actions) =>
        anchors.Length == 5 ? new(code, name, anchors, null, actions) : throw new ArgumentException($"{code} needs five anchors.", nameof(anchors));
}
