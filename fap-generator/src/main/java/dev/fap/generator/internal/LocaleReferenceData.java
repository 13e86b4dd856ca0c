package dev.fap.generator.internal;

import dev.fap.generator.internal.ReferenceData.City;

/**
 * Reference tables of the non-US locales: cities (with their ISO 3166-2 region, postal-code
 * prefixes separated by {@code |}, telephone area code without the trunk 0 except in Italy, and
 * metro-population weight in millions), common first names (alternately male and female), common
 * family names, street names, e-mail providers and company-form suffixes. Hand-made, like
 * {@link ReferenceData}: no Datafaker at run time, so a dataset needs no warm-up and no network.
 */
final class LocaleReferenceData {
    private LocaleReferenceData() {}

    // ---------------------------------------------------------------- United Kingdom (en-GB)
    static final City[] GB_CITIES = {
            new City("London", "LND", "GB", 51.5074, -0.1278, "E|N|NW|SE|SW|W", "20", 9.5),
            new City("Birmingham", "BIR", "GB", 52.4862, -1.8904, "B", "121", 2.9),
            new City("Manchester", "MAN", "GB", 53.4808, -2.2426, "M", "161", 2.8),
            new City("Leeds", "LDS", "GB", 53.8008, -1.5491, "LS", "113", 1.9),
            new City("Glasgow", "GLG", "GB", 55.8642, -4.2518, "G", "141", 1.7),
            new City("Liverpool", "LIV", "GB", 53.4084, -2.9916, "L", "151", 1.4),
            new City("Newcastle upon Tyne", "NET", "GB", 54.9783, -1.6178, "NE", "191", 1.1),
            new City("Sheffield", "SHF", "GB", 53.3811, -1.4701, "S", "114", 0.9),
            new City("Bristol", "BST", "GB", 51.4545, -2.5879, "BS", "117", 0.9),
            new City("Nottingham", "NGM", "GB", 52.9548, -1.1581, "NG", "115", 0.8),
            new City("Edinburgh", "EDH", "GB", 55.9533, -3.1883, "EH", "131", 0.9),
            new City("Cardiff", "CRF", "GB", 51.4816, -3.1791, "CF", "29", 0.5),
            new City("Leicester", "LCE", "GB", 52.6369, -1.1398, "LE", "116", 0.6),
            new City("Belfast", "BFS", "GB", 54.5973, -5.9301, "BT", "28", 0.6),
            new City("Southampton", "STH", "GB", 50.9097, -1.4044, "SO", "23", 0.9),
            new City("Brighton", "BNH", "GB", 50.8225, -0.1372, "BN", "1273", 0.5),
            new City("Coventry", "COV", "GB", 52.4068, -1.5197, "CV", "24", 0.4),
            new City("Aberdeen", "ABE", "GB", 57.1497, -2.0943, "AB", "1224", 0.25),
            new City("Cambridge", "CAM", "GB", 52.2053, 0.1218, "CB", "1223", 0.3),
            new City("Oxford", "OXF", "GB", 51.7520, -1.2577, "OX", "1865", 0.3),
            new City("York", "YOR", "GB", 53.9600, -1.0873, "YO", "1904", 0.2),
            new City("Plymouth", "PLY", "GB", 50.3755, -4.1427, "PL", "1752", 0.3),
            new City("Norwich", "NFK", "GB", 52.6309, 1.2974, "NR", "1603", 0.4),
            new City("Swansea", "SWA", "GB", 51.6214, -3.9436, "SA", "1792", 0.3)};

    static final String[] GB_FIRST_NAMES = {
            "Oliver", "Olivia", "George", "Amelia", "Harry", "Isla", "Jack", "Ava", "Jacob", "Emily", "Noah", "Sophie",
            "Charlie", "Grace", "Thomas", "Mia", "Oscar", "Poppy", "William", "Ella", "James", "Lily", "Henry", "Evie",
            "Leo", "Isabella", "Alfie", "Charlotte", "Joshua", "Jessica", "Freddie", "Chloe", "Archie", "Ruby", "Ethan",
            "Florence", "Daniel", "Sarah", "Samuel", "Hannah", "Joseph", "Lucy", "Edward", "Emma", "Arthur", "Alice",
            "Mohammed", "Aisha", "Ravi", "Priya"};
    static final String[] GB_LAST_NAMES = {
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson",
            "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis",
            "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Cooper", "Ward", "Morris", "King", "Harris", "Baker",
            "Turner", "Hughes", "Edwards", "Hill", "Moore", "Clark", "Harrison", "Scott", "Young", "Morgan", "Bennett",
            "Watson", "Kelly", "Shaw", "Murphy", "Campbell", "Stewart", "Anderson", "Macdonald", "O'Brien", "Singh", "Ali"};
    static final String[] GB_STREETS = {
            "High", "Station", "Main", "Park", "Church", "London", "Victoria", "Green", "Manor", "Kings", "Queens", "Mill",
            "New", "Grange", "Springfield", "Highfield", "Windsor", "Albert", "York", "Chester", "Richmond", "Oxford",
            "Cambridge", "George", "North", "South", "West", "Alexandra", "Stanley", "Orchard", "Meadow", "Beech"};
    static final String[] GB_STREET_SUFFIXES = {"Street", "Road", "Lane", "Avenue", "Close", "Drive", "Gardens", "Way",
            "Crescent", "Place"};
    static final String[] GB_EMAIL_DOMAINS = {"gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk", "btinternet.com",
            "icloud.com", "sky.com"};
    static final String[] GB_COMPANY_FORMS = {"Ltd", "plc", "Group", "Holdings", "Services", "Partners", "Solutions"};

    // ---------------------------------------------------------------- Germany (de-DE)
    static final City[] DE_CITIES = {
            new City("Berlin", "BE", "DE", 52.5200, 13.4050, "10|12|13", "30", 3.7),
            new City("Hamburg", "HH", "DE", 53.5511, 9.9937, "20|22", "40", 1.9),
            new City("München", "BY", "DE", 48.1351, 11.5820, "80|81", "89", 1.5),
            new City("Köln", "NW", "DE", 50.9375, 6.9603, "50|51", "221", 1.1),
            new City("Frankfurt am Main", "HE", "DE", 50.1109, 8.6821, "60", "69", 0.76),
            new City("Stuttgart", "BW", "DE", 48.7758, 9.1829, "70", "711", 0.63),
            new City("Düsseldorf", "NW", "DE", 51.2277, 6.7735, "40", "211", 0.62),
            new City("Leipzig", "SN", "DE", 51.3397, 12.3731, "04", "341", 0.6),
            new City("Dortmund", "NW", "DE", 51.5136, 7.4653, "44", "231", 0.59),
            new City("Essen", "NW", "DE", 51.4556, 7.0116, "45", "201", 0.58),
            new City("Bremen", "HB", "DE", 53.0793, 8.8017, "28", "421", 0.57),
            new City("Dresden", "SN", "DE", 51.0504, 13.7373, "01", "351", 0.56),
            new City("Hannover", "NI", "DE", 52.3759, 9.7320, "30", "511", 0.54),
            new City("Nürnberg", "BY", "DE", 49.4521, 11.0767, "90", "911", 0.52),
            new City("Duisburg", "NW", "DE", 51.4344, 6.7623, "47", "203", 0.5),
            new City("Bochum", "NW", "DE", 51.4818, 7.2162, "447|448", "234", 0.36),
            new City("Wuppertal", "NW", "DE", 51.2562, 7.1508, "42", "202", 0.35),
            new City("Bielefeld", "NW", "DE", 52.0302, 8.5325, "33", "521", 0.33),
            new City("Bonn", "NW", "DE", 50.7374, 7.0982, "53", "228", 0.33),
            new City("Münster", "NW", "DE", 51.9607, 7.6261, "48", "251", 0.32),
            new City("Mannheim", "BW", "DE", 49.4875, 8.4660, "68", "621", 0.31),
            new City("Karlsruhe", "BW", "DE", 49.0069, 8.4037, "76", "721", 0.31),
            new City("Augsburg", "BY", "DE", 48.3705, 10.8978, "86", "821", 0.3),
            new City("Wiesbaden", "HE", "DE", 50.0782, 8.2398, "65", "611", 0.28),
            new City("Kiel", "SH", "DE", 54.3233, 10.1228, "24", "431", 0.25),
            new City("Rostock", "MV", "DE", 54.0924, 12.0991, "18", "381", 0.21),
            new City("Freiburg im Breisgau", "BW", "DE", 47.9990, 7.8421, "79", "761", 0.23),
            new City("Erfurt", "TH", "DE", 50.9848, 11.0299, "99", "361", 0.21),
            new City("Mainz", "RP", "DE", 49.9929, 8.2473, "55", "6131", 0.22),
            new City("Saarbrücken", "SL", "DE", 49.2402, 6.9969, "66", "681", 0.18),
            new City("Potsdam", "BB", "DE", 52.3906, 13.0645, "14", "331", 0.18),
            new City("Magdeburg", "ST", "DE", 52.1205, 11.6276, "39", "391", 0.24)};

    static final String[] DE_FIRST_NAMES = {
            "Lukas", "Anna", "Leon", "Lea", "Finn", "Hannah", "Jonas", "Emma", "Paul", "Mia", "Felix", "Sophie", "Maximilian",
            "Marie", "Elias", "Laura", "Ben", "Lena", "Noah", "Johanna", "Tim", "Julia", "Jan", "Katharina", "Alexander",
            "Sarah", "Thomas", "Sabine", "Michael", "Petra", "Andreas", "Claudia", "Stefan", "Anja", "Christian", "Nicole",
            "Markus", "Stefanie", "Wolfgang", "Ursula", "Jürgen", "Monika", "Klaus", "Renate", "Mehmet", "Ayşe", "Emil", "Greta"};
    static final String[] DE_LAST_NAMES = {
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
            "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid",
            "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters",
            "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Yilmaz"};
    static final String[] DE_STREETS = {
            "Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße", "Birkenweg",
            "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Mühlenweg", "Feldstraße", "Goethestraße",
            "Schillerstraße", "Wiesenweg", "Rosenstraße", "Mozartstraße", "Beethovenstraße", "Friedrichstraße",
            "Kastanienallee", "Am Markt", "Poststraße", "Parkstraße", "Lessingstraße", "Breite Straße", "Kantstraße",
            "Uhlandstraße", "Eichenweg", "Sonnenstraße", "Blumenstraße", "Amselweg"};
    static final String[] DE_EMAIL_DOMAINS = {"gmail.com", "web.de", "gmx.de", "t-online.de", "outlook.de", "posteo.de",
            "icloud.com"};
    static final String[] DE_COMPANY_FORMS = {"GmbH", "AG", "GmbH & Co. KG", "KG", "Gruppe", "Holding"};

    // ---------------------------------------------------------------- France (fr-FR)
    static final City[] FR_CITIES = {
            new City("Paris", "IDF", "FR", 48.8566, 2.3522, "7500|7501", "1", 11.0),
            new City("Marseille", "PAC", "FR", 43.2965, 5.3698, "1300|1301", "4", 1.9),
            new City("Lyon", "ARA", "FR", 45.7640, 4.8357, "6900", "4", 2.3),
            new City("Toulouse", "OCC", "FR", 43.6047, 1.4442, "310|311|312|313|314", "5", 1.4),
            new City("Nice", "PAC", "FR", 43.7102, 7.2620, "060|061|062", "4", 1.0),
            new City("Nantes", "PDL", "FR", 47.2184, -1.5536, "440|441|442|443", "2", 1.0),
            new City("Strasbourg", "GES", "FR", 48.5734, 7.7521, "670|671", "3", 0.8),
            new City("Montpellier", "OCC", "FR", 43.6108, 3.8767, "340|341", "4", 0.8),
            new City("Bordeaux", "NAQ", "FR", 44.8378, -0.5792, "330|331|332|333", "5", 1.3),
            new City("Lille", "HDF", "FR", 50.6292, 3.0573, "590|591|592|593|594|595|596", "3", 1.5),
            new City("Rennes", "BRE", "FR", 48.1173, -1.6778, "350", "2", 0.7),
            new City("Reims", "GES", "FR", 49.2583, 4.0317, "511", "3", 0.3),
            new City("Toulon", "PAC", "FR", 43.1242, 5.9280, "830|831", "4", 0.6),
            new City("Saint-Étienne", "ARA", "FR", 45.4397, 4.3872, "420|421", "4", 0.5),
            new City("Le Havre", "NOR", "FR", 49.4944, 0.1079, "766", "2", 0.3),
            new City("Grenoble", "ARA", "FR", 45.1885, 5.7245, "380|381", "4", 0.7),
            new City("Dijon", "BFC", "FR", 47.3220, 5.0415, "210", "3", 0.4),
            new City("Angers", "PDL", "FR", 47.4784, -0.5632, "490|491", "2", 0.4),
            new City("Nîmes", "OCC", "FR", 43.8367, 4.3601, "300|301|309", "4", 0.3),
            new City("Clermont-Ferrand", "ARA", "FR", 45.7772, 3.0870, "630|631", "4", 0.5),
            new City("Tours", "CVL", "FR", 47.3941, 0.6848, "370|371", "2", 0.5),
            new City("Rouen", "NOR", "FR", 49.4432, 1.0999, "760|761", "2", 0.7),
            new City("Nancy", "GES", "FR", 48.6921, 6.1844, "540", "3", 0.4),
            new City("Orléans", "CVL", "FR", 47.9030, 1.9093, "450", "2", 0.4),
            new City("Brest", "BRE", "FR", 48.3904, -4.4861, "292", "2", 0.3),
            new City("Limoges", "NAQ", "FR", 45.8336, 1.2611, "870|871", "5", 0.3),
            new City("Perpignan", "OCC", "FR", 42.6887, 2.8948, "660|661", "4", 0.3)};

    static final String[] FR_FIRST_NAMES = {
            "Gabriel", "Louise", "Léo", "Jade", "Raphaël", "Emma", "Arthur", "Alice", "Louis", "Chloé", "Lucas", "Lina",
            "Jules", "Léa", "Hugo", "Manon", "Thomas", "Camille", "Nicolas", "Julie", "Pierre", "Sophie", "Jean", "Marie",
            "Philippe", "Isabelle", "Michel", "Nathalie", "Alain", "Sandrine", "François", "Catherine", "Antoine", "Céline",
            "Mathieu", "Aurélie", "Julien", "Émilie", "Maxime", "Inès", "Mohamed", "Sarah", "Paul", "Anne", "Baptiste",
            "Élodie", "Théo", "Clara"};
    static final String[] FR_LAST_NAMES = {
            "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
            "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
            "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc",
            "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin",
            "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson"};
    static final String[] FR_STREETS = {
            "rue de la Paix", "rue Victor Hugo", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la République",
            "rue Pasteur", "place de la Mairie", "rue du Moulin", "rue de l'Église", "avenue de la Gare", "rue des Écoles",
            "rue Jules Ferry", "rue Gambetta", "avenue Foch", "rue Émile Zola", "rue du Général de Gaulle", "rue Nationale",
            "chemin des Vignes", "allée des Tilleuls", "rue Saint-Michel", "boulevard de la Liberté", "rue Carnot",
            "rue de Verdun", "impasse des Lilas", "rue des Acacias", "avenue de la Libération", "rue du Château",
            "rue des Jardins"};
    static final String[] FR_EMAIL_DOMAINS = {"gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "sfr.fr",
            "outlook.fr"};
    static final String[] FR_COMPANY_FORMS = {"SA", "SAS", "SARL", "Groupe", "et Associés"};

    // ---------------------------------------------------------------- Spain (es-ES)
    static final City[] ES_CITIES = {
            new City("Madrid", "MD", "ES", 40.4168, -3.7038, "280", "91", 6.7),
            new City("Barcelona", "CT", "ES", 41.3874, 2.1686, "080", "93", 5.6),
            new City("Valencia", "VC", "ES", 39.4699, -0.3763, "460", "96", 1.6),
            new City("Sevilla", "AN", "ES", 37.3891, -5.9845, "410", "95", 1.5),
            new City("Zaragoza", "AR", "ES", 41.6488, -0.8891, "500", "976", 0.8),
            new City("Málaga", "AN", "ES", 36.7213, -4.4214, "290", "952", 1.0),
            new City("Murcia", "MC", "ES", 37.9922, -1.1307, "300", "968", 0.7),
            new City("Palma", "IB", "ES", 39.5696, 2.6502, "070", "971", 0.6),
            new City("Las Palmas de Gran Canaria", "CN", "ES", 28.1235, -15.4363, "350", "928", 0.6),
            new City("Bilbao", "PV", "ES", 43.2630, -2.9350, "480", "94", 1.0),
            new City("Alicante", "VC", "ES", 38.3452, -0.4810, "030", "965", 0.8),
            new City("Córdoba", "AN", "ES", 37.8882, -4.7794, "140", "957", 0.3),
            new City("Valladolid", "CL", "ES", 41.6523, -4.7245, "470", "983", 0.4),
            new City("Vigo", "GA", "ES", 42.2406, -8.7207, "362", "986", 0.4),
            new City("Gijón", "AS", "ES", 43.5322, -5.6611, "332", "985", 0.3),
            new City("A Coruña", "GA", "ES", 43.3623, -8.4115, "150", "981", 0.4),
            new City("Granada", "AN", "ES", 37.1773, -3.5986, "180", "958", 0.5),
            new City("Vitoria-Gasteiz", "PV", "ES", 42.8467, -2.6716, "010", "945", 0.25),
            new City("Santa Cruz de Tenerife", "CN", "ES", 28.4636, -16.2518, "380", "922", 0.4),
            new City("Pamplona", "NC", "ES", 42.8125, -1.6458, "310", "948", 0.3),
            new City("Donostia-San Sebastián", "PV", "ES", 43.3183, -1.9812, "200", "943", 0.4),
            new City("Santander", "CB", "ES", 43.4623, -3.8100, "390", "942", 0.3),
            new City("Oviedo", "AS", "ES", 43.3614, -5.8593, "330", "985", 0.3),
            new City("Salamanca", "CL", "ES", 40.9701, -5.6635, "370", "923", 0.2)};

    static final String[] ES_FIRST_NAMES = {
            "Hugo", "Lucía", "Martín", "Sofía", "Pablo", "María", "Mateo", "Martina", "Alejandro", "Paula", "Daniel", "Julia",
            "Lucas", "Valeria", "Álvaro", "Carmen", "David", "Ana", "Javier", "Laura", "José", "Isabel", "Antonio", "Cristina",
            "Manuel", "Marta", "Francisco", "Elena", "Juan", "Pilar", "Carlos", "Rosa", "Miguel", "Raquel", "Sergio", "Nuria",
            "Jorge", "Beatriz", "Adrián", "Alba", "Diego", "Irene", "Rubén", "Silvia", "Iker", "Ainhoa", "Jordi", "Montserrat"};
    static final String[] ES_LAST_NAMES = {
            "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
            "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro",
            "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez",
            "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido",
            "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto"};
    static final String[] ES_STREETS = {
            "Calle Mayor", "Calle Real", "Avenida de la Constitución", "Calle de Alcalá", "Gran Vía", "Calle del Sol",
            "Plaza de España", "Calle San Juan", "Calle Nueva", "Avenida de Andalucía", "Calle de la Iglesia",
            "Paseo de la Castellana", "Calle Colón", "Calle Cervantes", "Avenida del Mar", "Calle de Goya", "Calle Serrano",
            "Rambla de Catalunya", "Calle Velázquez", "Calle Valencia", "Avenida de la Libertad", "Calle del Carmen",
            "Calle Santiago", "Paseo del Prado"};
    static final String[] ES_EMAIL_DOMAINS = {"gmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net",
            "icloud.com"};
    static final String[] ES_COMPANY_FORMS = {"S.L.", "S.A.", "Grupo", "y Asociados"};

    // ---------------------------------------------------------------- Italy (it-IT)
    static final City[] IT_CITIES = {
            new City("Roma", "RM", "IT", 41.9028, 12.4964, "001", "06", 4.3),
            new City("Milano", "MI", "IT", 45.4642, 9.1900, "201", "02", 3.2),
            new City("Napoli", "NA", "IT", 40.8518, 14.2681, "801", "081", 3.0),
            new City("Torino", "TO", "IT", 45.0703, 7.6869, "101", "011", 1.7),
            new City("Palermo", "PA", "IT", 38.1157, 13.3615, "901", "091", 1.0),
            new City("Genova", "GE", "IT", 44.4056, 8.9463, "161", "010", 0.8),
            new City("Bologna", "BO", "IT", 44.4949, 11.3426, "401", "051", 1.0),
            new City("Firenze", "FI", "IT", 43.7696, 11.2558, "501", "055", 1.0),
            new City("Bari", "BA", "IT", 41.1171, 16.8719, "701", "080", 1.2),
            new City("Catania", "CT", "IT", 37.5079, 15.0830, "951", "095", 1.1),
            new City("Venezia", "VE", "IT", 45.4408, 12.3155, "301", "041", 0.8),
            new City("Verona", "VR", "IT", 45.4384, 10.9916, "371", "045", 0.9),
            new City("Messina", "ME", "IT", 38.1938, 15.5540, "981", "090", 0.6),
            new City("Padova", "PD", "IT", 45.4064, 11.8768, "351", "049", 0.9),
            new City("Trieste", "TS", "IT", 45.6495, 13.7768, "341", "040", 0.2),
            new City("Brescia", "BS", "IT", 45.5416, 10.2118, "251", "030", 1.2),
            new City("Parma", "PR", "IT", 44.8015, 10.3279, "431", "0521", 0.45),
            new City("Modena", "MO", "IT", 44.6471, 10.9252, "411", "059", 0.7),
            new City("Reggio Calabria", "RC", "IT", 38.1113, 15.6473, "891", "0965", 0.5),
            new City("Cagliari", "CA", "IT", 39.2238, 9.1217, "091", "070", 0.4),
            new City("Perugia", "PG", "IT", 43.1107, 12.3908, "061", "075", 0.6),
            new City("Bergamo", "BG", "IT", 45.6983, 9.6773, "241", "035", 1.1)};
    /** Cadastral (Belfiore) code of each of {@link #IT_CITIES}, part of the codice fiscale. */
    static final String[] IT_CADASTRAL_CODES = {"H501", "F205", "F839", "L219", "G273", "D969", "A944", "D612", "A662", "C351",
            "L736", "L781", "F158", "G224", "L424", "B157", "G337", "F257", "H224", "B354", "G478", "A794"};

    static final String[] IT_FIRST_NAMES = {
            "Leonardo", "Sofia", "Francesco", "Giulia", "Alessandro", "Aurora", "Lorenzo", "Alice", "Mattia", "Ginevra",
            "Andrea", "Emma", "Gabriele", "Giorgia", "Riccardo", "Beatrice", "Tommaso", "Chiara", "Marco", "Francesca",
            "Giuseppe", "Maria", "Giovanni", "Anna", "Antonio", "Paola", "Luca", "Elena", "Matteo", "Sara", "Davide",
            "Martina", "Stefano", "Laura", "Roberto", "Valentina", "Paolo", "Silvia", "Simone", "Federica", "Salvatore",
            "Rosa", "Fabio", "Alessia", "Massimo", "Cristina", "Daniele", "Elisa"};
    static final String[] IT_LAST_NAMES = {
            "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
            "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri",
            "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile",
            "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa",
            "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini"};
    static final String[] IT_STREETS = {
            "Via Roma", "Via Garibaldi", "Via Mazzini", "Via Dante Alighieri", "Corso Vittorio Emanuele II", "Via Cavour",
            "Via Verdi", "Piazza della Repubblica", "Via Marconi", "Via Matteotti", "Via XX Settembre", "Via Nazionale",
            "Viale Europa", "Via San Francesco", "Corso Italia", "Via Manzoni", "Via Leopardi", "Via Gramsci", "Via dei Mille",
            "Via della Libertà", "Via Vittorio Veneto", "Via Solferino", "Viale dei Pini", "Via Puccini"};
    static final String[] IT_EMAIL_DOMAINS = {"gmail.com", "libero.it", "virgilio.it", "alice.it", "hotmail.it", "outlook.it",
            "tiscali.it"};
    static final String[] IT_COMPANY_FORMS = {"S.p.A.", "S.r.l.", "Gruppo", "& C."};

    // ---------------------------------------------------------------- Netherlands (nl-NL)
    static final City[] NL_CITIES = {
            new City("Amsterdam", "NH", "NL", 52.3676, 4.9041, "10|11", "20", 1.5),
            new City("Rotterdam", "ZH", "NL", 51.9244, 4.4777, "30|31", "10", 1.0),
            new City("Den Haag", "ZH", "NL", 52.0705, 4.3007, "25", "70", 0.8),
            new City("Utrecht", "UT", "NL", 52.0907, 5.1214, "35", "30", 0.65),
            new City("Eindhoven", "NB", "NL", 51.4416, 5.4697, "56", "40", 0.45),
            new City("Groningen", "GR", "NL", 53.2194, 6.5665, "97", "50", 0.37),
            new City("Tilburg", "NB", "NL", 51.5555, 5.0913, "50", "13", 0.3),
            new City("Almere", "FL", "NL", 52.3508, 5.2647, "13", "36", 0.22),
            new City("Breda", "NB", "NL", 51.5719, 4.7683, "48", "76", 0.33),
            new City("Nijmegen", "GE", "NL", 51.8126, 5.8372, "65", "24", 0.34),
            new City("Apeldoorn", "GE", "NL", 52.2112, 5.9699, "73", "55", 0.2),
            new City("Haarlem", "NH", "NL", 52.3874, 4.6462, "20", "23", 0.4),
            new City("Arnhem", "GE", "NL", 51.9851, 5.8987, "68", "26", 0.36),
            new City("Enschede", "OV", "NL", 52.2215, 6.8937, "75", "53", 0.3),
            new City("Amersfoort", "UT", "NL", 52.1561, 5.3878, "38", "33", 0.2),
            new City("Zwolle", "OV", "NL", 52.5168, 6.0830, "80", "38", 0.2),
            new City("Leiden", "ZH", "NL", 52.1601, 4.4970, "23", "71", 0.35),
            new City("Maastricht", "LI", "NL", 50.8514, 5.6910, "62", "43", 0.28),
            new City("Dordrecht", "ZH", "NL", 51.8133, 4.6901, "33", "78", 0.25),
            new City("Zoetermeer", "ZH", "NL", 52.0575, 4.4931, "27", "79", 0.13),
            new City("Leeuwarden", "FR", "NL", 53.2012, 5.7999, "89", "58", 0.1)};

    static final String[] NL_FIRST_NAMES = {
            "Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Levi", "Tess", "Finn", "Sophie", "Milan", "Zoë", "Jesse", "Sara",
            "Noah", "Anna", "Bram", "Eva", "Thijs", "Lotte", "Ruben", "Fleur", "Lars", "Sanne", "Jan", "Maria", "Peter",
            "Anouk", "Kees", "Ingrid", "Hendrik", "Annemieke", "Willem", "Marieke", "Dirk", "Femke", "Pieter", "Lisa", "Sven",
            "Iris", "Bas", "Linda", "Joost", "Esther", "Mohamed", "Fatima", "Stijn", "Roos"};
    static final String[] NL_LAST_NAMES = {
            "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
            "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
            "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
            "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden", "Schouten", "van Beek",
            "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
            "Prins", "Blom", "Huisman"};
    static final String[] NL_STREETS = {
            "Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Hoofdstraat", "Julianastraat",
            "Wilhelminastraat", "Beatrixlaan", "Nieuwstraat", "Markt", "Prinsengracht", "Keizersgracht", "Herengracht",
            "Parallelweg", "Industrieweg", "Oranjestraat", "Emmastraat", "Kastanjelaan", "Lindenlaan", "Eikenlaan",
            "Beukenlaan", "Sportlaan", "Dorpsweg"};
    static final String[] NL_EMAIL_DOMAINS = {"gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "outlook.com", "xs4all.nl",
            "live.nl"};
    static final String[] NL_COMPANY_FORMS = {"B.V.", "N.V.", "Groep", "Holding"};

    // ---------------------------------------------------------------- abroad, seen from Europe
    /** Cities where merchants abroad trade, for the European locales (the locale's own country is left out). */
    static final City[] EUROPEAN_VIEW_FOREIGN_CITIES = {
            new City("New York", "NY", "US", 40.7128, -74.0060, "", "", 19.5),
            new City("London", "LND", "GB", 51.5074, -0.1278, "", "", 9.5),
            new City("Paris", "IDF", "FR", 48.8566, 2.3522, "", "", 11.0),
            new City("Barcelona", "CT", "ES", 41.3874, 2.1686, "", "", 5.6),
            new City("Roma", "RM", "IT", 41.9028, 12.4964, "", "", 4.3),
            new City("Amsterdam", "NH", "NL", 52.3676, 4.9041, "", "", 1.5),
            new City("Berlin", "BE", "DE", 52.5200, 13.4050, "", "", 3.7),
            new City("Wien", "9", "AT", 48.2082, 16.3738, "", "", 2.0),
            new City("Lisboa", "11", "PT", 38.7223, -9.1393, "", "", 2.9),
            new City("Zürich", "ZH", "CH", 47.3769, 8.5417, "", "", 1.4),
            new City("Dubai", "DU", "AE", 25.2048, 55.2708, "", "", 3.5),
            new City("Tokyo", "TYO", "JP", 35.6762, 139.6503, "", "", 14.0)};
}
