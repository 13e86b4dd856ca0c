package dev.fap.generator.internal;

/**
 * Fixed reference tables of the simulation: cities, names, streets, employers, job titles. Small
 * hand-made lists (no Datafaker at run time: it costs seconds to start and reads the wall clock),
 * so a dataset needs no network and no warm-up.
 */
public final class ReferenceData {
    private ReferenceData() {}

    /** A city: where customers live and merchants trade. {@code weight} ~ population in millions. */
    public record City(String name, String state, String country, double lat, double lon, String zipPrefix,
                       String areaCode, double weight) {}

    /** US cities (customers live here) with metro-population weights. */
    public static final City[] US_CITIES = {
            new City("New York", "NY", "US", 40.7128, -74.0060, "100", "212", 19.5),
            new City("Los Angeles", "CA", "US", 34.0522, -118.2437, "900", "213", 12.8),
            new City("Chicago", "IL", "US", 41.8781, -87.6298, "606", "312", 9.4),
            new City("Dallas", "TX", "US", 32.7767, -96.7970, "752", "214", 7.6),
            new City("Houston", "TX", "US", 29.7604, -95.3698, "770", "713", 7.1),
            new City("Washington", "DC", "US", 38.9072, -77.0369, "200", "202", 6.3),
            new City("Philadelphia", "PA", "US", 39.9526, -75.1652, "191", "215", 6.2),
            new City("Miami", "FL", "US", 25.7617, -80.1918, "331", "305", 6.1),
            new City("Atlanta", "GA", "US", 33.7490, -84.3880, "303", "404", 6.1),
            new City("Boston", "MA", "US", 42.3601, -71.0589, "021", "617", 4.9),
            new City("Phoenix", "AZ", "US", 33.4484, -112.0740, "850", "602", 4.9),
            new City("San Francisco", "CA", "US", 37.7749, -122.4194, "941", "415", 4.7),
            new City("Detroit", "MI", "US", 42.3314, -83.0458, "482", "313", 4.3),
            new City("Seattle", "WA", "US", 47.6062, -122.3321, "981", "206", 4.0),
            new City("Minneapolis", "MN", "US", 44.9778, -93.2650, "554", "612", 3.7),
            new City("San Diego", "CA", "US", 32.7157, -117.1611, "921", "619", 3.3),
            new City("Tampa", "FL", "US", 27.9506, -82.4572, "336", "813", 3.2),
            new City("Denver", "CO", "US", 39.7392, -104.9903, "802", "303", 3.0),
            new City("Baltimore", "MD", "US", 39.2904, -76.6122, "212", "410", 2.8),
            new City("St. Louis", "MO", "US", 38.6270, -90.1994, "631", "314", 2.8),
            new City("Charlotte", "NC", "US", 35.2271, -80.8431, "282", "704", 2.7),
            new City("Orlando", "FL", "US", 28.5383, -81.3792, "328", "407", 2.7),
            new City("San Antonio", "TX", "US", 29.4241, -98.4936, "782", "210", 2.6),
            new City("Portland", "OR", "US", 45.5152, -122.6784, "972", "503", 2.5),
            new City("Sacramento", "CA", "US", 38.5816, -121.4944, "958", "916", 2.4),
            new City("Pittsburgh", "PA", "US", 40.4406, -79.9959, "152", "412", 2.4),
            new City("Austin", "TX", "US", 30.2672, -97.7431, "787", "512", 2.4),
            new City("Las Vegas", "NV", "US", 36.1699, -115.1398, "891", "702", 2.3),
            new City("Cincinnati", "OH", "US", 39.1031, -84.5120, "452", "513", 2.3),
            new City("Kansas City", "MO", "US", 39.0997, -94.5786, "641", "816", 2.2),
            new City("Columbus", "OH", "US", 39.9612, -82.9988, "432", "614", 2.1),
            new City("Indianapolis", "IN", "US", 39.7684, -86.1581, "462", "317", 2.1),
            new City("Cleveland", "OH", "US", 41.4993, -81.6944, "441", "216", 2.1),
            new City("Nashville", "TN", "US", 36.1627, -86.7816, "372", "615", 2.0),
            new City("Salt Lake City", "UT", "US", 40.7608, -111.8910, "841", "801", 1.3),
            new City("Raleigh", "NC", "US", 35.7796, -78.6382, "276", "919", 1.4),
            new City("New Orleans", "LA", "US", 29.9511, -90.0715, "701", "504", 1.3),
            new City("Boise", "ID", "US", 43.6150, -116.2023, "837", "208", 0.8),
            new City("Albuquerque", "NM", "US", 35.0844, -106.6504, "871", "505", 0.9),
            new City("Anchorage", "AK", "US", 61.2181, -149.9003, "995", "907", 0.4),
            new City("Honolulu", "HI", "US", 21.3069, -157.8583, "968", "808", 1.0),
            new City("Burlington", "VT", "US", 44.4759, -73.2121, "054", "802", 0.2),
            new City("Portland", "ME", "US", 43.6591, -70.2568, "041", "207", 0.6),
            new City("Newark", "NJ", "US", 40.7357, -74.1724, "071", "973", 2.0),
            new City("Hartford", "CT", "US", 41.7658, -72.6734, "061", "860", 1.2)};

    /** Foreign cities where some merchants trade (travel and cross-border e-commerce). */
    public static final City[] FOREIGN_CITIES = {
            new City("Toronto", "ON", "CA", 43.6532, -79.3832, "", "", 6.2),
            new City("London", "LND", "GB", 51.5074, -0.1278, "", "", 9.5),
            new City("Paris", "IDF", "FR", 48.8566, 2.3522, "", "", 11.0),
            new City("Mexico City", "CMX", "MX", 19.4326, -99.1332, "", "", 9.0),
            new City("Cancun", "ROO", "MX", 21.1619, -86.8515, "", "", 0.9),
            new City("Tokyo", "TYO", "JP", 35.6762, 139.6503, "", "", 14.0)};

    public static final String[] FIRST_NAMES = {
            "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen",
            "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret",
            "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua", "Michelle",
            "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
            "Ronald", "Dorothy", "Jason", "Rebecca", "Edward", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
            "Jacob", "Amy", "Gary", "Kathleen", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Brenda",
            "Stephen", "Emma", "Larry", "Anna", "Justin", "Pamela", "Scott", "Nicole", "Brandon", "Samantha",
            "Benjamin", "Katherine", "Samuel", "Christine", "Gregory", "Helen", "Alexander", "Debra", "Patrick", "Rachel",
            "Frank", "Carolyn", "Raymond", "Janet", "Jack", "Maria", "Dennis", "Olivia", "Jerry", "Heather",
            "Tyler", "Diane", "Aaron", "Julie", "Jose", "Joyce", "Adam", "Victoria", "Nathan", "Ruth",
            "Henry", "Virginia", "Zachary", "Lauren", "Douglas", "Kelly", "Peter", "Christina", "Kyle", "Joan",
            "Noah", "Evelyn", "Ethan", "Judith", "Jeremy", "Andrea", "Walter", "Hannah", "Christian", "Megan",
            "Keith", "Cheryl", "Roger", "Jacqueline", "Terry", "Martha", "Austin", "Madison", "Sean", "Teresa",
            "Gerald", "Gloria", "Carl", "Sara", "Harold", "Janice", "Dylan", "Ann", "Arthur", "Kathryn",
            "Lawrence", "Abigail", "Jordan", "Sophia", "Jesse", "Frances", "Bryan", "Jean", "Billy", "Alice",
            "Bruce", "Judy", "Gabriel", "Isabella", "Joe", "Julia", "Logan", "Grace", "Alan", "Amber",
            "Juan", "Denise", "Albert", "Danielle", "Willie", "Marilyn", "Elijah", "Beverly", "Wayne", "Charlotte",
            "Randy", "Natalie", "Vincent", "Theresa", "Mason", "Diana", "Roy", "Brittany", "Ralph", "Doris",
            "Bobby", "Kayla", "Russell", "Alexis", "Bradley", "Lori", "Philip", "Marie", "Eugene", "Wei",
            "Carlos", "Priya", "Luis", "Mei", "Miguel", "Aisha", "Hiroshi", "Fatima", "Arjun", "Sofia"};

    public static final String[] LAST_NAMES = {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
            "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
            "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
            "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
            "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
            "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
            "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
            "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
            "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
            "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson",
            "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
            "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen",
            "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
            "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks",
            "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
            "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
            "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins"};

    public static final String[] STREET_NAMES = {
            "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Walnut", "Sunset",
            "Lincoln", "Jackson", "Church", "River", "Highland", "Forest", "Meadow", "Willow", "Chestnut", "Spring",
            "Ridge", "Franklin", "Jefferson", "Madison", "Adams", "Center", "Union", "Market", "Broad", "Mill",
            "Valley", "Cherry", "Spruce", "Birch", "Harbor", "Prospect", "Summit", "Lafayette", "Grove", "Orchard"};

    public static final String[] STREET_SUFFIXES = {"St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Way", "Pl", "Ter"};

    public static final String[] EMAIL_DOMAINS = {"gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com",
            "aol.com", "proton.me", "example.net"};

    public static final String[] NAME_WORDS = {
            "Blue", "Oak", "Summit", "Golden", "Harbor", "Pioneer", "Liberty", "Evergreen", "Silver", "Maple",
            "Northern", "Coastal", "Urban", "Prairie", "Sunrise", "Redwood", "Granite", "Riverside", "Metro", "Eagle",
            "Cardinal", "Keystone", "Union", "Heritage", "Bright", "Crescent", "Lakeside", "Capital", "Frontier", "Copper",
            "Atlas", "Beacon", "Cascade", "Delta", "Echo", "Falcon", "Horizon", "Iron", "Juniper", "Lighthouse"};

    public static final String[] EMPLOYER_SUFFIXES = {"Industries", "Group", "Holdings", "Solutions", "Health", "Logistics",
            "Manufacturing", "Partners", "Systems", "Foods", "Energy", "Labs", "Consulting", "Financial", "Retail"};

    public static final String[] JOB_TITLES = {
            "Software Engineer", "Registered Nurse", "Teacher", "Accountant", "Sales Manager", "Electrician",
            "Project Manager", "Customer Service Representative", "Truck Driver", "Marketing Specialist",
            "Financial Analyst", "Mechanical Engineer", "Pharmacist", "Administrative Assistant", "Operations Manager",
            "Data Analyst", "Physician", "Lawyer", "Construction Worker", "Chef", "Graphic Designer", "Police Officer",
            "Retail Associate", "HR Manager", "Physical Therapist", "Architect", "Warehouse Supervisor", "Dental Hygienist",
            "Real Estate Agent", "Consultant"};

    public static final String[] AGENTS = buildAgents();

    private static String[] buildAgents() {
        String[] a = new String[60];
        for (int i = 0; i < a.length; i++) {
            a[i] = "AG" + (101 + i);
        }
        return a;
    }

    /**
     * Distance in km between two nearby points (within a few km): the equirectangular projection,
     * which agrees with the great-circle distance to far below the 0.1 km the data keeps, at a
     * fraction of the cost.
     */
    public static double nearDistanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * KM_PER_DEGREE;
        double dx = (lon2 - lon1) * KM_PER_DEGREE * StrictMath.cos(StrictMath.toRadians((lat1 + lat2) / 2));
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static final double KM_PER_DEGREE = 2 * Math.PI * 6371.0088 / 360;

    /** Great-circle distance in km (haversine, StrictMath for reproducibility). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = StrictMath.toRadians(lat1);
        double p2 = StrictMath.toRadians(lat2);
        double dp = p2 - p1;
        double dl = StrictMath.toRadians(lon2 - lon1);
        double a = StrictMath.sin(dp / 2) * StrictMath.sin(dp / 2)
                + StrictMath.cos(p1) * StrictMath.cos(p2) * StrictMath.sin(dl / 2) * StrictMath.sin(dl / 2);
        return 2 * 6371.0088 * StrictMath.atan2(StrictMath.sqrt(a), StrictMath.sqrt(1 - a));
    }
}
