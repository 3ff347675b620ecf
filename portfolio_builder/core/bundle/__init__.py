"""The bundle an assessor receives: deciding what leaves, writing the BagIt zip, reading and verifying one.

Owns the export plan (what leaves, what is left out and why, what metadata goes), the streaming
writer, the safe reader (names, sizes, bombs) and verification against every manifest.
May import: every core package below it (scheme, storage, framework, evidence, privacy, planning,
shape, documents) and core base modules; never core.assessor or core.demo.
"""
