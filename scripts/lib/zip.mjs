// A minimal zip writer (deflated entries at the archive root, fixed timestamps so the same input
// gives the same bytes), enough for a Teams app package without a zip tool on the machine.
import { deflateRawSync } from "node:zlib";
import { crc32 } from "./crc32.mjs";

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

// The fields a local header and a central directory header share, in the same order:
// method, time, date, CRC-32, compressed size, size, name length.
function writeEntryFields(header, at, { crc, compressedSize, size, nameLength }) {
  header.writeUInt16LE(8, at); // method: deflate
  header.writeUInt16LE(DOS_TIME, at + 2);
  header.writeUInt16LE(DOS_DATE, at + 4);
  header.writeUInt32LE(crc, at + 6);
  header.writeUInt32LE(compressedSize, at + 10);
  header.writeUInt32LE(size, at + 14);
  header.writeUInt16LE(nameLength, at + 18);
}

/** Builds a zip file from entries [{ name, data: Buffer }]; returns its bytes. */
export function createZip(entries) {
  const localParts = [];
  const centralParts = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level: 9 });
    const fields = { crc: crc32(data), compressedSize: compressed.length, size: data.length, nameLength: fileName.length };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    writeEntryFields(local, 8, fields);
    // extra field length: zero
    localParts.push(local, fileName, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8); // flags: UTF-8 names
    writeEntryFields(central, 10, fields);
    // extra length, comment length, disk number, internal and external attributes: all zero
    central.writeUInt32LE(offset, 42); // offset of the local header
    centralParts.push(central, fileName);

    offset += local.length + fileName.length + compressed.length;
  }

  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...localParts, centralDirectory, end]);
}
