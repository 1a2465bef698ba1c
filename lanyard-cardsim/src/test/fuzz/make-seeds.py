#!/usr/bin/env python3
"""Writes the seed inputs of VirtualPivCardFuzzTest: a flag byte (1 = management key, 2 = PIN
verified first), then APDUs, each preceded by its length in two bytes, big-endian."""
import os

OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'org', 'lanyard', 'cardsim',
                   'VirtualPivCardFuzzTestInputs')


def h(s):
    return bytes.fromhex(s.replace(' ', ''))


def apdu(header, data=b'', le=None):
    out = h(header) + (bytes([len(data)]) + data if data else b'')
    return out + (bytes([le]) if le is not None else b'')


def seq(flags, *apdus):
    out = bytes([flags])
    for b in apdus:
        b = h(b) if isinstance(b, str) else b
        out += len(b).to_bytes(2, 'big') + b
    return out


ga_rsa = h('7C820106 8200 81820100') + b'\x33' * 256
cert = h('5C035FC105 5382013A 70820136') + b'\x44' * 310
SEEDS = {
    'select-and-read-objects': seq(0, apdu('00A40400', h('A00000030800001000')), apdu('00CB3FFF', h('5C017E')),
                                   apdu('00CB3FFF', h('5C035FC102'), 8), '00C0000000', apdu('00CB3FFF', h('5C035FC107'), 0)),
    'pin-verify-change-block': seq(0, '0020008000', apdu('00200080', b'12345677'), apdu('00200080', b'12345678'),
                                   apdu('00200080', b'12345\xff\xff\xff'), apdu('00200080', b'\xff' * 8),
                                   apdu('002C0080', b'12345678111111\xff\xff'), apdu('00240080', b'123456\xff\xff654321\xff\xff')),
    'generate-sign-ec': seq(3, apdu('0047009A', h('AC03800111')), apdu('0087119A', h('7C248200 8120') + b'\x11' * 32),
                            '00F99A0000', '00F7009A00'),
    'generate-ecdh-p384': seq(3, apdu('0047009D', h('AC03800114')), apdu('0087149D', h('7C65 8200 8561 04') + b'\x22' * 96)),
    'generate-rsa-and-chain': seq(3, apdu('0047009A', h('AC03800107')), apdu('1087079A', ga_rsa[:255]),
                                  apdu('0087079A', ga_rsa[255:], 0), '00C0000000'),
    'put-data-chained': seq(1, apdu('10DB3FFF', cert[:255]), apdu('00DB3FFF', cert[255:]), apdu('00CB3FFF', h('5C035FC105'), 0),
                            '00C0000000'),
    'management-key-rounds': seq(0, apdu('0087039B', h('7C028000')),
                                 apdu('0087039B', h('7C14 8008 0011223344556677 8108 0011223344556677')),
                                 apdu('0087039B', h('7C028100')), apdu('0087039B', h('7C0A 8208 0000000000000000')),
                                 apdu('0087089B', h('7C028000'))),
    'yubico-extensions': seq(3, '00FD000000', '00F8000000',
                             apdu('00FFFFFF', h('039B18 010203040506070801020304050607080102030405060708')),
                             '00FA050500', '00FB000000', '00F7008000', '00F7009B00', apdu('00FE119A', h('0620') + b'\x01' * 32)),
    'malformed': seq(1, '', '00', '00A4', '00A404', '00A40400FF', 'FFFFFFFF', '00CB3FFF00000300', '00CB3FFF035C8201',
                     '00DB3FFF045C0153', '00DB3FFF0A5C035FC1055383FFFFFF', '0087119A047C82FFFF'),
    'import-rsa-garbage': seq(1, apdu('10FE079A', h('018180') + b'\x55' * 252), apdu('00FE079A', h('028180') + b'\x66' * 9)),
}

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    for name, data in SEEDS.items():
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(data)
    print(f'{len(SEEDS)} seeds written to {os.path.normpath(OUT)}')
