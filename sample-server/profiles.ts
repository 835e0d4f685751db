/** Static tables the sample world draws from: people, devices, places. */

export const FIRST_NAMES = [
  'Aarav',
  'Priya',
  'Mark',
  'Henry',
  'Sofia',
  'Lukas',
  'Mei',
  'Kenji',
  'Amara',
  'Diego',
  'Fatima',
  'Olivia',
  'Noah',
  'Ines',
  'Ravi',
  'Chloe',
  'Mateo',
  'Hannah',
  'Yusuf',
  'Elena',
  'Tomasz',
  'Aisha',
  'Liam',
  'Zoe',
  'Arjun',
  'Nora',
  'Emeka',
  'Freya',
  'Hiro',
  'Camila',
  'Jonas',
  'Leila',
] as const;

export const LAST_NAMES = [
  'Sharma',
  'Raman',
  'Okafor',
  'Müller',
  'Chen',
  'Tanaka',
  'García',
  'Haddad',
  'Smith',
  'Rossi',
  'Kowalski',
  'Nguyen',
  'Silva',
  'Dubois',
  'Andersson',
  'Patel',
  "O'Brien",
  'Kim',
  'Novak',
  'Ibrahim',
  'Costa',
  'Yilmaz',
] as const;

export interface DeviceProfile {
  browser: 'Chrome' | 'Firefox' | 'Safari';
  browserVersion: string;
  engine: 'Blink' | 'Gecko' | 'WebKit';
  os: string;
  osVersion: string;
  isMobile: boolean;
  cpus: number;
  memoryGb: number;
  userAgent: string;
  networkType: 'wifi' | 'ethernet' | 'cellular';
  microphones: string[];
  cameras: string[];
  speakers: string[];
}

export const DEVICES: readonly DeviceProfile[] = [
  {
    browser: 'Chrome',
    browserVersion: '131.0.6778.86',
    engine: 'Blink',
    os: 'Mac OS',
    osVersion: '10.15.7',
    isMobile: false,
    cpus: 10,
    memoryGb: 8,
    networkType: 'wifi',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    microphones: ['MacBook Pro Microphone (Built-in)'],
    cameras: ['FaceTime HD Camera (Built-in)'],
    speakers: ['MacBook Pro Speakers (Built-in)'],
  },
  {
    browser: 'Chrome',
    browserVersion: '130.0.6723.117',
    engine: 'Blink',
    os: 'Windows',
    osVersion: '10',
    isMobile: false,
    cpus: 4,
    memoryGb: 8,
    networkType: 'ethernet',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    microphones: ['Default - Microphone Array (Realtek(R) Audio)'],
    cameras: ['Integrated Webcam (0c45:6a14)'],
    speakers: ['Speakers (Realtek(R) Audio)'],
  },
  {
    browser: 'Firefox',
    browserVersion: '132.0',
    engine: 'Gecko',
    os: 'Linux',
    osVersion: 'x86_64',
    isMobile: false,
    cpus: 16,
    memoryGb: 32,
    networkType: 'ethernet',
    userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
    microphones: ['Built-in Audio Analog Stereo'],
    cameras: ['Logitech C920 HD Pro Webcam'],
    speakers: ['Built-in Audio Analog Stereo'],
  },
  {
    browser: 'Safari',
    browserVersion: '18.1',
    engine: 'WebKit',
    os: 'iOS',
    osVersion: '18.1',
    isMobile: true,
    cpus: 6,
    memoryGb: 6,
    networkType: 'cellular',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    microphones: ['iPhone Microphone'],
    cameras: ['Front Camera', 'Back Camera'],
    speakers: ['iPhone Speaker'],
  },
  {
    browser: 'Chrome',
    browserVersion: '131.0.6778.81',
    engine: 'Blink',
    os: 'Android',
    osVersion: '14',
    isMobile: true,
    cpus: 8,
    memoryGb: 8,
    networkType: 'cellular',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
    microphones: ['Default'],
    cameras: ['camera2 1, facing front', 'camera2 0, facing back'],
    speakers: ['Default'],
  },
  {
    browser: 'Safari',
    browserVersion: '17.6',
    engine: 'WebKit',
    os: 'Mac OS',
    osVersion: '14.6.1',
    isMobile: false,
    cpus: 8,
    memoryGb: 16,
    networkType: 'wifi',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
    microphones: ['MacBook Air Microphone'],
    cameras: ['FaceTime HD Camera'],
    speakers: ['MacBook Air Speakers'],
  },
  {
    browser: 'Firefox',
    browserVersion: '131.0.3',
    engine: 'Gecko',
    os: 'Windows',
    osVersion: '10',
    isMobile: false,
    cpus: 8,
    memoryGb: 16,
    networkType: 'wifi',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0',
    microphones: ['Microphone (Jabra Evolve2 65)'],
    cameras: ['HD Pro Webcam C920'],
    speakers: ['Headset Earphone (Jabra Evolve2 65)'],
  },
];

/** Indices into DEVICES, named where the world needs a specific kind. */
export const DEVICE = {
  chromeMac: 0,
  chromeWindows: 1,
  firefoxLinux: 2,
  safariIphone: 3,
  chromeAndroid: 4,
  safariMac: 5,
  firefoxWindows: 6,
} as const;

/** What a peer plugs in mid-call when it has a device change. */
export const HEADSET = { microphone: 'AirPods Pro', speaker: 'AirPods Pro', camera: 'Elgato Facecam' } as const;

export interface LocationProfile {
  city: string;
  region: string;
  country: string;
  timezone: string;
  asn: string;
  org: string;
  domain: string;
  /** Documentation address blocks (RFC 5737), so no real address is ever shown. */
  route: string;
  baseRttMs: number;
}

export const LOCATIONS: readonly LocationProfile[] = [
  {
    city: 'Bengaluru',
    region: 'Karnataka',
    country: 'IN',
    timezone: 'Asia/Kolkata',
    asn: 'AS24560',
    org: 'Bharti Airtel Ltd.',
    domain: 'airtel.in',
    route: '203.0.113.0/24',
    baseRttMs: 38,
  },
  {
    city: 'London',
    region: 'England',
    country: 'GB',
    timezone: 'Europe/London',
    asn: 'AS2856',
    org: 'British Telecommunications PLC',
    domain: 'bt.com',
    route: '198.51.100.0/24',
    baseRttMs: 22,
  },
  {
    city: 'Berlin',
    region: 'Land Berlin',
    country: 'DE',
    timezone: 'Europe/Berlin',
    asn: 'AS3320',
    org: 'Deutsche Telekom AG',
    domain: 'telekom.de',
    route: '192.0.2.0/24',
    baseRttMs: 25,
  },
  {
    city: 'San Francisco',
    region: 'California',
    country: 'US',
    timezone: 'America/Los_Angeles',
    asn: 'AS7922',
    org: 'Comcast Cable Communications, LLC',
    domain: 'comcast.net',
    route: '203.0.113.0/24',
    baseRttMs: 30,
  },
  {
    city: 'São Paulo',
    region: 'São Paulo',
    country: 'BR',
    timezone: 'America/Sao_Paulo',
    asn: 'AS28573',
    org: 'Claro NXT Telecomunicacoes Ltda',
    domain: 'claro.com.br',
    route: '198.51.100.0/24',
    baseRttMs: 64,
  },
  {
    city: 'Sydney',
    region: 'New South Wales',
    country: 'AU',
    timezone: 'Australia/Sydney',
    asn: 'AS1221',
    org: 'Telstra Corporation Ltd',
    domain: 'telstra.com',
    route: '192.0.2.0/24',
    baseRttMs: 55,
  },
  {
    city: 'Tokyo',
    region: 'Tokyo',
    country: 'JP',
    timezone: 'Asia/Tokyo',
    asn: 'AS2516',
    org: 'KDDI Corporation',
    domain: 'kddi.com',
    route: '203.0.113.0/24',
    baseRttMs: 33,
  },
  {
    city: 'Lagos',
    region: 'Lagos',
    country: 'NG',
    timezone: 'Africa/Lagos',
    asn: 'AS29465',
    org: 'MTN NIGERIA Communication limited',
    domain: 'mtn.ng',
    route: '198.51.100.0/24',
    baseRttMs: 120,
  },
];

export const MEETING_TITLES = [
  'Design Review',
  'Daily Standup',
  'Quarterly All Hands',
  'Product Launch Webinar',
  'Customer Onboarding',
  'Sprint Planning',
  'Support Escalation',
  'Interview: Backend Engineer',
  'Office Hours',
  'Mobile Guild Sync',
] as const;

/** Meetings of the story, LIVE and scale sessions; kept apart so the regular sessions' draws do not change. */
export const STORY_MEETING_TITLES = [
  'Weekly Product Sync',
  'Incident Review: Choppy Audio',
  'Live Town Hall Q&A',
  'Engineering All Hands',
  'Developer Community Webinar',
  'Support Hotline Soak Test',
] as const;

/** Indices into LOCATIONS, named where the stories need a specific place. */
export const LOCATION = { bengaluru: 0, london: 1, berlin: 2, sanFrancisco: 3, saoPaulo: 4, sydney: 5, tokyo: 6, lagos: 7 } as const;

/** SDKs by shape generation: the older sessions were made with the Dyte SDKs RealtimeKit grew from. */
export const SDKS = {
  legacy: [
    { name: '@dytesdk/web-core', type: 'web', version: '1.35.21' },
    { name: '@dytesdk/react-web-core', type: 'web', version: '1.35.18' },
  ],
  current: [
    { name: '@cloudflare/realtimekit', type: 'web', version: '1.2.1' },
    { name: '@cloudflare/realtimekit-react', type: 'web', version: '1.1.7' },
  ],
} as const;
