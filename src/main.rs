fn main() {
    std::process::exit(oktactl::run())
}
