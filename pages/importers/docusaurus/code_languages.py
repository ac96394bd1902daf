"""Docusaurus (Prism) code-language names and aliases -> the code block's language choices
(``pages/blocks/text.py``); "" is plain text."""

CODE_LANGUAGES = {
    "bash": "bash", "sh": "bash", "shell": "bash", "console": "bash", "zsh": "bash", "shell-session": "bash",
    "powershell": "powershell", "ps1": "powershell", "pwsh": "powershell", "bat": "batch", "cmd": "batch",
    "batch": "batch", "python": "python", "py": "python", "python3": "python", "cpp": "cpp", "c": "cpp",
    "c++": "cpp", "h": "cpp", "hpp": "cpp", "arduino": "cpp", "ino": "cpp", "javascript": "javascript",
    "js": "javascript", "mjs": "javascript", "cjs": "javascript", "jsx": "jsx", "ts": "typescript",
    "typescript": "typescript", "tsx": "tsx", "html": "html", "xhtml": "html", "xml": "xml", "svg": "xml",
    "css": "css", "json": "json", "json5": "json", "jsonc": "json", "yaml": "yaml", "yml": "yaml",
    "latex": "latex", "tex": "latex", "math": "math", "katex": "math", "mermaid": "mermaid", "gcode": "gcode",
    "g-code": "gcode", "sql": "sql", "java": "java", "kotlin": "kotlin", "kt": "kotlin", "kts": "kotlin",
    "groovy": "groovy", "gradle": "groovy", "csharp": "csharp", "cs": "csharp", "c#": "csharp", "dotnet": "csharp",
    "go": "go", "golang": "go", "rust": "rust", "rs": "rust", "ruby": "ruby", "rb": "ruby", "php": "php",
    "swift": "swift", "objectivec": "objectivec", "objc": "objectivec", "dart": "dart", "scala": "scala",
    "lua": "lua", "perl": "perl", "pl": "perl", "haskell": "haskell", "hs": "haskell", "elixir": "elixir",
    "ex": "elixir", "exs": "elixir", "julia": "julia", "jl": "julia", "r": "r", "matlab": "matlab",
    "octave": "matlab", "markdown": "markdown", "md": "markdown", "mdx": "markdown", "graphql": "graphql",
    "gql": "graphql", "protobuf": "protobuf", "proto": "protobuf", "toml": "toml", "ini": "ini", "cfg": "ini",
    "conf": "ini", "properties": "ini", "dockerfile": "dockerfile", "docker": "dockerfile",
    "makefile": "makefile", "make": "makefile", "mk": "makefile", "nginx": "nginx", "diff": "diff",
    "patch": "diff", "text": "", "txt": "", "plain": "", "plaintext": "", "": "",
}
