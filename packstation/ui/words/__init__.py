"""Every sentence the packer sees or hears, made from typed outcomes, in the packer's language."""
