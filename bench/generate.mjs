// Deterministic test data for the benchmarks: the same seed gives the same titles and the same
// document on every machine, so runs can be compared. Titles are a mix of the kinds a partner
// really types: good ones (technology, outcome, context), fair ones missing a part, weak ones
// (too short, all caps, placeholders, punctuation, emoji) and generic ones ("Customer Success").

// mulberry32: small, fast and good enough to pick words; not for anything secret.
export function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  const below = (n) => Math.floor(next() * n);
  return { next, pick, below };
}

const TECHNOLOGIES = [
  'Serverless', 'DevOps', 'Kubernetes', 'Data Lake', 'Machine Learning', 'Generative AI',
  'Microservices', 'Containers', 'Real-Time Analytics', 'Data Warehouse', 'CI/CD', 'IoT',
  'Mainframe Migration', 'Event-Driven Architecture', 'Amazon Bedrock', 'AWS Lambda',
  'Amazon EKS', 'Amazon Redshift', 'Computer Vision', 'Contact Center', 'Zero Trust',
  'Disaster Recovery', 'Landing Zone', 'SAP on AWS', 'Streaming Data Pipeline',
];
const OUTCOMES = [
  'Cuts', 'Drives', 'Accelerates', 'Reduces', 'Boosts', 'Improves', 'Streamlines', 'Scales',
  'Lowers', 'Speeds Up', 'Transforms', 'Simplifies', 'Secures', 'Unlocks',
];
const BENEFITS = [
  'Costs', 'Time to Market', 'Velocity', 'Release Cadence', 'Reporting Costs', 'Wait Times',
  'Fraud Losses', 'Downtime', 'Onboarding', 'Customer Insights', 'Order Throughput',
  'Claims Processing', 'Forecast Accuracy', 'Patient Outcomes', 'Developer Productivity',
];
const INDUSTRIES = [
  'Retail', 'Financial Services', 'Healthcare', 'Manufacturing', 'Media', 'Insurance',
  'Logistics', 'Energy', 'Education', 'Public Sector', 'Travel', 'Gaming', 'Telecom',
  'Life Sciences', 'Automotive', 'Agriculture', 'Real Estate', 'Hospitality',
];
const APPLICATIONS = [
  'Online Banking', 'E-Commerce', 'Mobile Apps', 'Supply Chain', 'Point of Sale', 'Telehealth',
  'Claims Handling', 'Ticketing', 'Everyday Applications', 'Customer Portals',
];
const GENERIC = [
  'Customer Success Story', 'AWS Case Study', 'Cloud Project', 'Case Study', 'Our AWS Journey',
  'Customer Reference', 'Success Story with AWS', 'Digital Transformation Project',
  'Cloud Solution Overview', 'AWS Project for a Customer',
];
const WEAK = [
  'Migration to AWS', 'TBD', 'Test', 'Untitled', 'CLOUD MIGRATION PROJECT FOR ENTERPRISE',
  'Amazing results!!!', 'we moved to the cloud.', 'New Website', 'Lorem ipsum dolor',
  'Serverless 🚀🚀', 'See https://example.com/story', 'Data platform', 'a very good project',
  'Moving Workloads To The Cloud In Order To Basically Improve Things For Everyone Involved Here',
];
const FIRST = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent',
  'Tyrell', 'Cyberdyne', 'Wonka', 'Gringotts', 'Oceanic', 'Aperture', 'Nakatomi', 'Pied Piper',
  'Monarch', 'Blue Sun', 'Weyland', 'Massive Dynamic', 'Sirius', 'Virtucon', 'Duff', 'Kwik',
  'Café Müller', 'Nordlicht', 'Sakura', 'Zenith', 'Polaris', 'Orion', 'Helios', 'Atlas',
];
const SECOND = [
  'Retail', 'Bank', 'Health', 'Logistics', 'Foods', 'Energy', 'Media', 'Insurance', 'Labs',
  'Airlines', 'Motors', 'Pharma', 'Games', 'Telecom', 'Hotels', 'Farms', 'Systems', 'Group',
  'Holdings', 'Partners', 'Industries', 'Mobility', 'Learning', 'Studios', 'Capital', 'Freight',
];
const WORKLOADS = [
  'Serverless order processing', 'CI/CD pipelines on CodePipeline', 'Data lake on S3 and Glue',
  'Fraud detection with SageMaker', 'Container platform on EKS', 'Call center on Connect',
  'Mainframe modernization', 'Reporting on Redshift', 'IoT telemetry', 'Document search',
  'Disaster recovery', 'Multi-account landing zone',
];
const SERVICES = [
  'Lambda', 'DynamoDB', 'S3', 'EC2', 'ECS', 'EKS', 'RDS', 'Aurora', 'SageMaker', 'Bedrock',
  'CodePipeline', 'Redshift', 'Glue', 'Kinesis', 'CloudFront', 'API Gateway', 'Step Functions',
  'Athena', 'Amazon Connect', 'IoT Core',
];
const ASSET_TYPES = ['case_study', 'news_article', 'blog_post', 'video', 'customer_quote', 'logo_page'];
const CHANNELS = ['public_references_tool', 'ace_pipeline_manager'];
const STATUSES = ['draft', 'submitted', 'approved', 'rejected'];
const NOTES = [
  '', '', '', 'Approved by the customer marketing team.', 'Waiting for legal review.',
  'Quote from the CTO, see the press release.', 'Logo use confirmed in writing.',
];

// Half good, a fifth fair, a fifth weak, a tenth generic.
function generateTitle(random) {
  const roll = random.next();
  if (roll < 0.5) {
    const context = random.next() < 0.7 ? random.pick(INDUSTRIES) : random.pick(APPLICATIONS);
    return `${random.pick(TECHNOLOGIES)} ${random.pick(OUTCOMES)} ${random.pick(BENEFITS)} for ${context}`;
  }
  if (roll < 0.7) {
    return random.next() < 0.5
      ? `${random.pick(TECHNOLOGIES)} ${random.pick(OUTCOMES)} ${random.pick(BENEFITS)}`
      : `${random.pick(TECHNOLOGIES)} for ${random.pick(INDUSTRIES)}`.toLowerCase();
  }
  if (roll < 0.9) return random.pick(WEAK);
  return random.pick(GENERIC);
}

function generateServices(random) {
  const services = [];
  for (let n = random.below(4); n > 0; n--) {
    const service = random.pick(SERVICES);
    if (!services.includes(service)) services.push(service);
  }
  return services;
}

// One record per title: the title and what the checker knows of the record around it.
export function generateTitleRecords(count, seed = 1) {
  const random = makeRandom(seed);
  const records = [];
  for (let i = 0; i < count; i++) {
    records.push({
      title: generateTitle(random),
      customer: `${random.pick(FIRST)} ${random.pick(SECOND)}`,
      workload: random.pick(WORKLOADS),
      industry: random.pick(INDUSTRIES),
      services: generateServices(random),
    });
  }
  return records;
}

// The records as the wasm title benchmark reads them: one per line, fields separated by tabs
// (title, customer, workload, industry, services joined by commas). No field holds a tab,
// a newline or a comma inside a service name.
export function titleRecordsToTsv(records) {
  return records
    .map((r) => [r.title, r.customer, r.workload, r.industry, r.services.join(',')].join('\t'))
    .join('\n');
}

function isoDate(dayNumber) {
  return new Date(Date.UTC(2024, 0, 1) + dayNumber * 86400000).toISOString().slice(0, 10);
}

// A valid RefTier document (docs/format.md, version 1): `count` references over about count/20
// customers (so each customer has siblings for the near-duplicate check) and a few accounts.
export function generateDocument(count, seed = 2) {
  const random = makeRandom(seed);
  const customers = [];
  const customerCount = Math.max(1, Math.floor(count / 20));
  for (let i = 0; i < customerCount; i++)
    customers.push(`${random.pick(FIRST)} ${random.pick(SECOND)} ${i + 1}`);
  const references = [];
  for (let i = 0; i < count; i++) {
    const customer = random.pick(customers);
    const status = random.pick(STATUSES);
    const submitted = status === 'draft' ? null : random.below(700);
    const decided = status === 'approved' || status === 'rejected' ? submitted + 1 + random.below(20) : null;
    const id = `r-${String(i + 1).padStart(6, '0')}`;
    references.push({
      id,
      customer,
      title: generateTitle(random),
      url: `https://example.com/stories/${id}`,
      asset_type: random.pick(ASSET_TYPES),
      workload: random.pick(WORKLOADS),
      services: generateServices(random),
      industry: random.pick(INDUSTRIES),
      channel: random.pick(CHANNELS),
      status,
      submitted_on: submitted === null ? null : isoDate(submitted),
      decided_on: decided === null ? null : isoDate(decided),
      notes: random.pick(NOTES),
    });
  }
  const accounts = [];
  const management = '100000000000';
  accounts.push({ id: management, name: 'Org management', role: 'management', parent: null,
                  linked: true, partner_activity: false });
  for (let i = 1; i <= 20; i++) {
    accounts.push({ id: String(100000000000 + i), name: `Project ${i}`,
                    role: i % 4 === 0 ? 'standalone' : 'member', parent: i % 4 === 0 ? null : management,
                    linked: i % 3 === 0, partner_activity: i % 2 === 0 });
  }
  return {
    format: 'reftier',
    version: 1,
    partner: { name: 'Benchmark Partner', path: 'consulting', rule_set: 'apn-2019-consulting' },
    references,
    accounts,
  };
}

// The import benchmark's input: one compact line, as a script or another tool would write it.
export function generateDocumentText(count, seed = 2) {
  return JSON.stringify(generateDocument(count, seed));
}
