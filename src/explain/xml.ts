// A small strict XML reader for AWS's flat error documents: the root name and every leaf element's text.

export interface FlatXml {
  root: string;
  /** Text of each element without child elements, by name; the first occurrence wins. */
  leaves: Record<string, string>;
}

/** Thrown for text that is not well-formed XML; the message says where and what. */
export class XmlSyntaxError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTES = /(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

interface OpenElement {
  name: string;
  text: string;
  hasChildren: boolean;
}

/** Reads `xml`, or throws XmlSyntaxError. Comments, the XML declaration and CDATA are understood. */
export function readFlatXml(xml: string): FlatXml {
  const leaves: Record<string, string> = Object.create(null) as Record<string, string>;
  const stack: OpenElement[] = [];
  let root: string | undefined;
  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    const textEnd = open === -1 ? xml.length : open;
    addText(stack, xml.slice(at, textEnd), root !== undefined && stack.length === 0, at);
    if (open === -1) break;
    at = readMarkup(xml, open, stack, leaves, (name) => {
      if (root !== undefined) throw new XmlSyntaxError(`a second root element <${name}> at offset ${open}`);
      root = name;
    });
  }
  if (stack.length > 0) throw new XmlSyntaxError(`the document ends inside <${stack.map((element) => element.name).join('><')}> (truncated?)`);
  if (root === undefined) throw new XmlSyntaxError('no element at all');
  return { root, leaves };
}

function addText(stack: OpenElement[], raw: string, afterRoot: boolean, offset: number): void {
  const current = stack[stack.length - 1];
  if (current === undefined) {
    if (raw.trim() !== '') throw new XmlSyntaxError(`text ${afterRoot ? 'after' : 'before'} the root element at offset ${offset}`);
    return;
  }
  current.text += decodeEntities(raw, offset);
}

/** Reads the markup starting at `open` ('<'); returns the offset after it. */
function readMarkup(xml: string, open: number, stack: OpenElement[], leaves: Record<string, string>, onRoot: (name: string) => void): number {
  if (xml.startsWith('<?', open)) return skipPast(xml, open, '?>', 'processing instruction');
  if (xml.startsWith('<!--', open)) return skipPast(xml, open, '-->', 'comment');
  if (xml.startsWith('<![CDATA[', open)) {
    const end = skipPast(xml, open, ']]>', 'CDATA section');
    const current = stack[stack.length - 1];
    if (current === undefined) throw new XmlSyntaxError(`CDATA outside the root element at offset ${open}`);
    current.text += xml.slice(open + 9, end - 3);
    return end;
  }
  if (xml.startsWith('<!', open)) throw new XmlSyntaxError(`a declaration (<!…) at offset ${open}: not an AWS error document`);
  if (xml.startsWith('</', open)) return closeElement(xml, open, stack, leaves);
  const name = readName(xml, open + 1);
  ATTRIBUTES.lastIndex = open + 1 + name.length;
  const match = ATTRIBUTES.exec(xml);
  if (match === null) throw new XmlSyntaxError(`a malformed start tag <${name}> at offset ${open}`);
  if (stack.length === 0) onRoot(name);
  const parent = stack[stack.length - 1];
  if (parent !== undefined) parent.hasChildren = true;
  if (match[1] === '/') {
    leaves[name] ??= '';
  } else {
    stack.push({ name, text: '', hasChildren: false });
  }
  return ATTRIBUTES.lastIndex;
}

function closeElement(xml: string, open: number, stack: OpenElement[], leaves: Record<string, string>): number {
  const name = readName(xml, open + 2);
  let end = open + 2 + name.length;
  while (/\s/.test(xml[end] ?? '')) end += 1;
  if (xml[end] !== '>') throw new XmlSyntaxError(`a malformed end tag </${name}> at offset ${open}`);
  const element = stack.pop();
  if (element === undefined || element.name !== name) {
    throw new XmlSyntaxError(`</${name}> at offset ${open} closes ${element === undefined ? 'nothing' : `<${element.name}>`}`);
  }
  if (!element.hasChildren) leaves[name] ??= element.text;
  return end + 1;
}

function readName(xml: string, at: number): string {
  NAME.lastIndex = at;
  const match = NAME.exec(xml);
  if (match === null) throw new XmlSyntaxError(`a '<' not followed by an element name at offset ${at - 1}`);
  return match[0];
}

function skipPast(xml: string, open: number, terminator: string, what: string): number {
  const end = xml.indexOf(terminator, open);
  if (end === -1) throw new XmlSyntaxError(`an unterminated ${what} at offset ${open} (truncated?)`);
  return end + terminator.length;
}

function decodeEntities(raw: string, offset: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (entity, body: string) => {
    const character = entity.endsWith(';') ? characterOf(body) : undefined;
    if (character === undefined) throw new XmlSyntaxError(`an unknown or unterminated entity ${JSON.stringify(entity.slice(0, 5))}… near offset ${offset}`);
    return character;
  });
}

function characterOf(body: string): string | undefined {
  const named = NAMED_ENTITIES[body];
  if (named !== undefined) return named;
  const numeric = /^#(?:x([\da-fA-F]{1,6})|(\d{1,7}))$/.exec(body);
  if (numeric === null) return undefined;
  const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
