const char linux_banner[] = "Linux version 6.1.0-fake";
