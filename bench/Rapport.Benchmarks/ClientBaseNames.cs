using Rapport.ClientBase;

namespace Rapport.Benchmarks;

/// <summary>Where a generated company is registered: its country, legal forms, regions and web domains.</summary>
internal sealed record Country(string Code, string[] LegalForms, string[] Regions, string[] TopLevelDomains);

/// <summary>
/// The words generated clients are made of: Bulgarian companies named in Cyrillic and in Latin letters, German,
/// Austrian, British and Cypriot ones, and the people who work there. Lists only; the choices are the generator's.
/// </summary>
internal static class ClientBaseNames
{
    public static readonly Country Bulgaria = new(
        "BG",
        ["ЕООД", "ЕООД", "ЕООД", "ООД", "ООД", "АД"],
        ["София", "София", "София", "София", "София", "София", "София", "София", "Софийска област", "Пловдив", "Пловдив",
         "Варна", "Варна", "Бургас", "Бургас", "Русе", "Стара Загора", "Плевен", "Благоевград", "Велико Търново", "Шумен",
         "Добрич", "Хасково", "Пазарджик", "Сливен", "Враца", "Габрово", "Кърджали", "Ловеч", "Монтана", "Перник",
         "Разград", "Силистра", "Смолян", "Търговище", "Видин", "Ямбол", "Кюстендил"],
        ["bg", "bg", "bg", "com", "com", "eu"]);

    /// <summary>Foreign clients, as often as a Bulgarian seller meets them.</summary>
    public static readonly Country[] Abroad =
    [
        new("DE", ["GmbH"], ["Bayern", "Hessen", "Berlin", "Nordrhein-Westfalen", "Baden-Württemberg", "Hamburg"], ["de", "com"]),
        new("DE", ["GmbH"], ["Bayern", "Berlin", "Sachsen"], ["de"]),
        new("AT", ["GmbH"], ["Wien", "Steiermark", "Oberösterreich", "Tirol"], ["at", "com"]),
        new("GB", ["Ltd"], ["London", "Manchester", "Birmingham", "Scotland", "Bristol"], ["co.uk", "com"]),
        new("GB", ["Ltd"], ["London", "Leeds"], ["co.uk", "io"]),
        new("CY", ["Ltd"], ["Limassol", "Nicosia", "Larnaca"], ["com", "com.cy"]),
    ];

    /// <summary>The first part of a company name; joined to an activity they make one word (Агро + трейд).</summary>
    public static readonly string[] CyrillicRoots =
        ["Техно", "Агро", "Евро", "Балкан", "Булгар", "Родопа", "Дунав", "Витоша", "Пирин", "Тракия", "Мизия", "Странджа",
         "Орион", "Сириус", "Алфа", "Делта", "Омега", "Нова", "Прима", "Юнион", "Глобал", "Интер", "Транс", "Мега", "Вита",
         "Еко", "Био", "Стил", "Енерго", "Хидро", "Арт", "Бест", "Про", "Смарт", "Нео", "Хелиос", "Атлас", "Меридиан",
         "Олимп", "Аврора"];

    public static readonly string[] CyrillicActivities =
        ["Строй", "Трейд", "Консулт", "Логистик", "Софт", "Инвест", "Мед", "Фарм", "Енерджи", "Сервиз", "Билд", "Имоти",
         "Фуудс", "Текс", "Пласт", "Метал", "Дизайн", "Системс", "Комерс", "Транспорт", "Агро", "Принт", "Мебел", "Авто",
         "Петрол", "Кабел", "Електрик", "Инженеринг", "Маркет", "Турс"];

    public static readonly string[] LatinRoots =
        ["Techno", "Agro", "Euro", "Balkan", "Nova", "Prima", "Union", "Global", "Inter", "Smart", "Neo", "Atlas", "Helios",
         "Orion", "Sirius", "Alpha", "Delta", "Omega", "Vita", "Eco", "Bio", "Steel", "Energo", "Art", "Best", "Pro",
         "Meridian", "Olymp", "Aurora", "Pirin", "Vitosha", "Danube", "Black Sea", "Thracia", "Blue", "Green", "Bright"];

    public static readonly string[] LatinActivities =
        ["Solutions", "Trade", "Consult", "Logistics", "Soft", "Invest", "Med", "Pharma", "Energy", "Service", "Build",
         "Properties", "Foods", "Tex", "Plast", "Metal", "Design", "Systems", "Commerce", "Transport", "Print", "Furniture",
         "Auto", "Petrol", "Cable", "Electric", "Engineering", "Market", "Tours", "Digital", "Labs", "Group"];

    /// <summary>German trade names for "Müller Logistik GmbH".</summary>
    public static readonly string[] GermanTrades =
        ["Logistik", "Maschinenbau", "Elektrotechnik", "Handel", "Bau", "Software", "Medizintechnik", "Automotive",
         "Consulting", "Verpackung", "Anlagenbau", "Lebensmittel", "Immobilien", "Systemtechnik"];

    public static readonly string[] Industries =
        ["Производство", "Търговия на едро", "Търговия на дребно", "Информационни технологии", "Строителство",
         "Транспорт и логистика", "Финансови услуги", "Здравеопазване", "Енергетика", "Селско стопанство", "Туризъм",
         "Телекомуникации", "Образование", "Публичен сектор", "Хранително-вкусова промишленост", "Фармация",
         "Автомобилна индустрия", "Недвижими имоти"];

    public static readonly string[] FreeMailDomains = ["abv.bg", "gmail.com", "mail.bg", "yahoo.com", "dir.bg"];

    /// <summary>Contacts' names in Cyrillic: many more than the employee benchmark's, as clients come from everywhere.</summary>
    public static readonly PersonNames Cyrillic = new(
        ["Иван", "Георги", "Димитър", "Петър", "Николай", "Стефан", "Калоян", "Борис", "Йордан", "Христо", "Александър",
         "Тодор", "Васил", "Красимир", "Любомир", "Пламен", "Росен", "Светослав", "Мартин", "Даниел", "Емил", "Венцислав",
         "Атанас", "Кирил", "Симеон", "Виктор", "Цветан", "Ангел", "Здравко", "Огнян"],
        ["Мария", "Елена", "Надежда", "Виктория", "Радостина", "Десислава", "Гергана", "Милена", "Йоана", "Цветелина",
         "Иванка", "Петя", "Теодора", "Силвия", "Анелия", "Красимира", "Весела", "Диана", "Галина", "Лилия", "Мирослава",
         "Росица", "Снежана", "Боряна", "Калина", "Невена", "Яна", "Полина", "Станислава", "Ралица"],
        ["Иванов", "Георгиев", "Димитров", "Петров", "Николов", "Стоянов", "Христов", "Тодоров", "Ангелов", "Илиев",
         "Атанасов", "Йорданов", "Колев", "Маринов", "Попов", "Костов", "Василев", "Павлов", "Михайлов", "Стефанов",
         "Александров", "Кирилов", "Радев", "Борисов", "Русев", "Станчев", "Добрев", "Марков", "Янков", "Генов",
         "Младенов", "Симеонов", "Лазаров", "Петков", "Китов", "Вълчев", "Желязков", "Пенев", "Цветков", "Славов"],
        "а");

    /// <summary>Names of people at foreign clients; their surnames have no feminine form.</summary>
    public static readonly PersonNames International = new(
        ["Thomas", "Michael", "Andreas", "Stefan", "James", "David", "Peter", "Markus", "Jürgen", "Oliver", "Daniel",
         "Christian", "Florian", "Richard", "George", "Andrei", "Nikos"],
        ["Anna", "Sarah", "Julia", "Katharina", "Emma", "Laura", "Sophie", "Claudia", "Sabine", "Charlotte", "Olivia",
         "Lisa", "Hannah", "Jessica", "Eva", "Elena", "Maria"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Weiß",
         "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Roberts", "Walker", "Popescu", "Ionescu",
         "Papadopoulos", "Georgiou"],
        "");

    public static readonly Dictionary<string, string[]> JobTitles = new()
    {
        [BuyingRoles.DecisionMaker] = ["Управител", "Изпълнителен директор", "Собственик", "Търговски директор", "CEO", "Managing Director"],
        [BuyingRoles.Signatory] = ["Финансов директор", "Прокурист", "Главен счетоводител", "CFO", "Head of Procurement"],
        [BuyingRoles.Influencer] = ["Технически директор", "Ръководител ИТ", "Оперативен директор", "Head of Operations", "CTO"],
        [BuyingRoles.User] = ["Специалист продажби", "Счетоводител", "Инженер", "Логистик", "Project Manager", "Analyst"],
        [BuyingRoles.Gatekeeper] = ["Офис мениджър", "Асистент на управителя", "Office Manager", "Executive Assistant"],
    };

    public static readonly Dictionary<InteractionKind, string[]> Subjects = new()
    {
        [InteractionKind.Call] = ["Обаждане за подновяване на договора", "Разговор за нова оферта", "Обсъждане на цени",
            "Follow-up call on the proposal", "Check-in call", "Обаждане за рекламация"],
        [InteractionKind.Meeting] = ["Среща в офиса на клиента", "Презентация на продукта", "Преговори по договор",
            "Quarterly business review", "Workshop with the technical team", "Среща на изложение"],
        [InteractionKind.Email] = ["Изпратена оферта", "Отговор на запитване", "Потвърждение на поръчка", "Proposal sent",
            "Invoice question", "Покана за събитие"],
        [InteractionKind.Note] = ["Бележка след разговор", "Клиентът обмисля конкурент", "Промяна в управлението",
            "Internal note", "Budget approved for next year"],
    };

    public static readonly string[] Outcomes =
        ["Клиентът иска отстъпка от 5%", "Одобрено от управителя", "Ще поръчат през следващото тримесечие",
         "Без интерес засега", "Needs legal review", "Agreed on a pilot", "Очакваме решение до края на месеца",
         "Поискаха референции от други клиенти", "Price accepted, waiting for the purchase order"];

    public static readonly string[] NextSteps =
        ["Изпращане на оферта", "Среща с финансовия директор", "Обаждане след две седмици", "Подготовка на договор",
         "Send the revised proposal", "Demo for the operations team", "Изпращане на мостри"];
}

/// <summary>First names by gender and surnames of one script; a woman's surname takes the feminine ending.</summary>
internal sealed record PersonNames(string[] Male, string[] Female, string[] Surnames, string FeminineEnding)
{
    public (string First, string Last) Pick(Random random)
    {
        var female = random.Next(2) == 0;
        var first = Pick(random, female ? Female : Male);
        var last = Pick(random, Surnames);
        return (first, female ? last + FeminineEnding : last);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
